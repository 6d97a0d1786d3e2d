import { type Future, getRunningLoop, newEventLoop, run } from "vloop";

// 1. A Future beside a JavaScript Promise. Both are "a value that comes
// later", and code can wait for either. A Promise is settled by the resolve
// function its creator captured, and its callbacks run as microtasks. A
// Future is settled by anyone holding it (setResult), and its done callbacks
// are handles on the loop's ready queue (callSoon): they run in the loop's
// next iteration, never inside setResult.
let resolve!: (v: string) => void;
const promise = new Promise<string>((r) => (resolve = r));
promise.then((v) => console.log(`  then callback: ${v}`));
resolve("ready");
console.log("Promise: resolve returned, and the callback has not run yet");
console.log("Promise:", await promise);

await run(async () => {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  fut.addDoneCallback((f) => console.log(`  done callback: ${f.result()}`));
  fut.setResult("ready");
  console.log("Future: setResult returned (done =", fut.done() + "), and the callback has not run yet");
  console.log("Future:", await fut);
});

// 2. sleep() made at home from createFuture and callLater: a Future, and a
// timer that sets its result unless the Future was cancelled meanwhile.
function mySleep<T>(delay: number, value: T): Future<T> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<T>();
  loop.callLater(delay, () => {
    if (!fut.done()) fut.setResult(value);
  });
  return fut;
}

await run(async () => {
  const loop = getRunningLoop();
  console.log(`t=${loop.time()} mySleep(2) ...`);
  const v = await mySleep(2, "woken");
  console.log(`t=${loop.time()} ... ${v}`);
});

// 3. One task, stepped by hand. A generator-style coroutine runs until its
// first `yield*` of a pending Future; the generator hands that Future out of
// next(). A step is one next() call. A Task is this loop of steps: run a
// step, and when the Future it handed out is done, schedule the next step.
function* job() {
  console.log("  job: first step, until it waits");
  const v = yield* mySleep(1, "tick");
  console.log(`  job: second step, resumed with "${v}"`);
  return "job done";
}

const loop = newEventLoop();
const gen = job();
function step(value?: unknown): void {
  const r = gen.next(value); // the coroutine runs until its next wait, or its end
  if (r.done) {
    console.log(`t=${loop.time()} step: the coroutine returned "${r.value}"`);
    loop.stop();
    return;
  }
  const fut = r.value as Future<unknown>;
  console.log(`t=${loop.time()} step: it waits on a pending Future (done = ${fut.done()})`);
  fut.addDoneCallback((f) => step(f.result())); // a done callback: next iteration, not now
}
loop.callSoon(step);
await loop.runForever();
loop.close();
