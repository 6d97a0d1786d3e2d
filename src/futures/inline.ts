/**
 * @internal What a composite awaitable yields to wait for an async function's
 * promise that runs inline in the same task (the body of asyncWith, a
 * coroutine given to waitFor). Only async-style tasks can do that: the
 * task's driver (driveInline) waits for the promise within the same step.
 */
export class InlinePromise {
  constructor(readonly promise: PromiseLike<unknown>) {}
}
