/**
 * The error classes of docs/asyncio-to-vloop.md, as a tree drawn from the
 * classes themselves: each one sits under its real superclass, every error
 * class vloop exports must be in the list, and the TypeError line is checked
 * by making the mistake it names.
 */
import * as vloop from "vloop";

type ErrorClass = abstract new (...args: never[]) => Error;

// what each class is for, in the order the tree lists them
const notes = new Map<ErrorClass, string>([
  [vloop.CancelledError, "thrown into a cancelled task; NOT a VloopError"],
  [vloop.VloopError, "base of every other vloop error"],
  [vloop.TimeoutError, "timeout(), timeoutAt(), waitFor(), asCompleted()"],
  [vloop.InvalidStateError, "a future operation not allowed in its state"],
  [vloop.RuntimeError, "asyncio's RuntimeErrors"],
  [vloop.ValueError, "asyncio's ValueErrors"],
  [vloop.QueueEmpty, "getNowait() on an empty queue"],
  [vloop.QueueFull, "putNowait() on a full queue"],
  [vloop.QueueShutDown, "a put or get on a queue shut down"],
  [vloop.BrokenBarrierError, "a Barrier reset or aborted"],
  [vloop.ExceptionGroup, "a TaskGroup's errors, in .exceptions"],
  [vloop.DeadlockError, "run()/runSync(): nothing can ever run again"],
  [vloop.StepBudgetExceeded, "run()/runSync(): more than maxSteps handles"],
  [vloop.UsageError, "a misuse with no well-defined schedule"],
  [vloop.IncompleteReadError, "a stream ended before the read"],
  [vloop.LimitOverrunError, "a stream's buffer limit reached"],
  [vloop.OSError, "the simulated network's and processes' errors"],
  [vloop.ConnectionError, "base of the connection errors"],
  [vloop.ConnectionRefusedError, "nothing listens (errno 111)"],
  [vloop.ConnectionResetError, "reset by the peer (errno 104)"],
  [vloop.BrokenPipeError, "write after EOF (errno 32)"],
  [vloop.GaiError, "an unknown host"],
  [vloop.FileNotFoundError, "an unregistered program (errno 2)"],
  [vloop.ProcessLookupError, "signalling a process already waited for"],
]);

const exported = (Object.values(vloop) as unknown[]).filter((v): v is ErrorClass => typeof v === "function" && v.prototype instanceof Error);
const unlisted = exported.filter((c) => !notes.has(c)).map((c) => c.name);
if (unlisted.length > 0) throw new Error(`error classes missing from the tree: ${unlisted.join(", ")}`);

const NOTE_COLUMN = 44;
function print(parent: ErrorClass, depth: number): void {
  for (const [cls, note] of notes) {
    if (Object.getPrototypeOf(cls) !== parent) continue;
    const head = `${" ".repeat(5 * depth + 1)}+-- ${cls.name}`;
    console.log(`${head.padEnd(NOTE_COLUMN)}${note}`);
    print(cls, depth + 1);
  }
}
console.log("Error");
print(Error, 0);

// the classic async-style mistake: a started Promise where a coroutine belongs
async function work(x: number) {
  await vloop.sleep(x);
}
const mistake = await vloop.run(async () => void vloop.createTask(work(1) as never)).catch((e: unknown) => e);
if (Object.getPrototypeOf(mistake) !== TypeError.prototype) throw new Error(`expected a TypeError, got ${String(mistake)}`);
console.log(`${"TypeError (JavaScript's)".padEnd(NOTE_COLUMN)}bad arguments, e.g. createTask(work(x)) in async style`);
