import { CancelledError, type EventLoop, Runner, RuntimeError, allTasks, createTask, sleep } from "../../src/index.js";
import type { ExceptionContext } from "../../src/loop/baseEventLoop.js";
import { ValueError, pyRepr } from "../harness.js";
import { fmtTime, say } from "./say.js";

export const meta = {
  title: "asyncio.Runner: several runs on one loop",
  description:
    "A Runner keeps its loop between run() calls: a task one run leaves pending ticks on in the next ones, a run's error is run()'s, and close() ends it as asyncio.run ends: the pending tasks are cancelled and one that raises instead is reported to the exception handler.",
};

function* ticker() {
  try {
    for (;;) {
      yield* sleep(1);
      say("tick");
    }
  } catch (e) {
    if (e instanceof CancelledError) say("ticker cancelled");
    throw e;
  }
}

function* first() {
  say("first starts");
  createTask(ticker(), { name: "ticker" });
  yield* sleep(2.5);
  say("first returns");
  return 1;
}

function* second() {
  say("second sees", [...allTasks()].map((t) => t.getName()).sort());
  yield* sleep(1);
  return 2;
}

function* failing(): Generator<unknown, never, unknown> {
  yield* sleep(0);
  throw new ValueError("this run fails");
}

function* stubborn() {
  try {
    yield* sleep(100);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    say("stubborn refuses to be cancelled");
    throw new ValueError("refused");
  }
}

function* spawnStubborn() {
  createTask(stubborn(), { name: "stubborn" });
  yield* sleep(0);
}

function handler(_loop: unknown, context: ExceptionContext) {
  say("handler:", context.message, pyRepr(context.exception), context.task!.getName());
}

export function main(): void {
  const runner = new Runner();
  say("runner made");
  let loop!: EventLoop;
  try {
    say("result", runner.runSync(first()));
    say("result", runner.runSync(second()));
    try {
      runner.runSync(failing());
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      say("run raised", e.message);
    }
    loop = runner.getLoop();
    loop.setExceptionHandler(handler);
    runner.runSync(spawnStubborn());
    say("time before close", fmtTime(loop.time()));
  } finally {
    runner.closeSync();
  }
  say("closed:", loop.isClosed(), "at", fmtTime(loop.time()));
  runner.closeSync();
  say("closing again does nothing");
  try {
    runner.getLoop();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    say("after close:", e.message);
  }
}
