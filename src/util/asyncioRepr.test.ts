/**
 * Node's util.inspect (and so console.log) shows each asyncio object as its
 * repr, the same string as String(x); the CPython-checked strings themselves
 * are in scenarios/repr/. The core does not import node:util (it runs in
 * browsers): the objects answer Symbol.for("nodejs.util.inspect.custom").
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { expect, test } from "vitest";
import {
  Barrier,
  BoundedSemaphore,
  Condition,
  Event,
  Future,
  LifoQueue,
  Lock,
  PriorityQueue,
  Queue,
  Semaphore,
  TaskGroup,
  createTask,
  gather,
  getRunningLoop,
  runSync,
  sleep,
  timeout,
} from "../index.js";

test("util.inspect and String() give each object's asyncio repr", () => {
  const seen: [string, string, string][] = [];
  runSync(function* () {
    const loop = getRunningLoop();
    const fut = loop.createFuture<number>();
    fut.setResult(42);
    const task = createTask(sleep(1), { name: "sleeper" });
    const objects: [string, object][] = [
      ["<Future finished result=42>", fut],
      ["<Task pending name='sleeper'>", task],
      ["<_GatheringFuture pending>", gather(sleep(1))],
      ["<asyncio.locks.Lock object [unlocked]>", new Lock()],
      ["<asyncio.locks.Event object [unset]>", new Event()],
      ["<asyncio.locks.Condition object [unlocked]>", new Condition()],
      ["<asyncio.locks.Semaphore object [unlocked, value:1]>", new Semaphore()],
      ["<asyncio.locks.BoundedSemaphore object [unlocked, value:2]>", new BoundedSemaphore(2)],
      ["<asyncio.locks.Barrier object [filling, waiters:0/2]>", new Barrier(2)],
      ["<Queue maxsize=0>", new Queue()],
      ["<PriorityQueue maxsize=1>", new PriorityQueue(1)],
      ["<LifoQueue maxsize=0>", new LifoQueue()],
      ["<Timeout [created]>", timeout(10)],
      ["<TaskGroup>", new TaskGroup()],
    ];
    for (const [expected, x] of objects) seen.push([expected, String(x), inspect(x)]);
    // inside other values too, as console.log shows them
    seen.push(["{ done: <Future finished result=42> }", "{ done: <Future finished result=42> }", inspect({ done: fut })]);
    yield* sleep(1);
  });
  for (const [expected, str, inspected] of seen) {
    expect(str).toBe(expected);
    expect(inspected).toBe(expected);
  }
});

test("a user's subclass prints its own class name", () => {
  class MyFuture<T> extends Future<T> {}
  class MyLock extends Lock {}
  runSync(function* () {
    expect(String(new MyFuture())).toBe("<MyFuture pending>"); // CPython: <MyFuture pending>
    expect(inspect(new MyLock())).toBe("<MyLock object [unlocked]>"); // CPython: <__main__.MyLock object at 0x... [unlocked]>
  });
});

test("the repr code does not import node:util (browsers)", () => {
  for (const file of ["asyncioRepr.ts", "pyformat.ts"]) {
    const source = readFileSync(new URL(file, import.meta.url), "utf8");
    expect(source, file).not.toMatch(/from "(node:)?util"/);
  }
});
