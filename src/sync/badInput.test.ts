/**
 * Bad input to the asyncio layer gets the error CPython gives (ValueError,
 * RuntimeError) or, where CPython silently accepts a value that can only be a
 * mistake in TypeScript (a fractional semaphore value or queue size), a
 * TypeError that names the rule and the value.
 */
import { describe, expect, test } from "vitest";
import {
  BoundedSemaphore,
  Condition,
  Lock,
  LifoQueue,
  PriorityQueue,
  Queue,
  QueueFull,
  RuntimeError,
  Semaphore,
  ValueError,
  Barrier,
  getRunningLoop,
  runSync,
  wait,
} from "../index.js";

describe("locks and semaphores", () => {
  test("releasing an unlocked lock is a RuntimeError", () => {
    expect(() => new Lock().release()).toThrow(RuntimeError);
    expect(() => new Lock().release()).toThrow("Lock is not acquired.");
  });

  test("over-releasing a bounded semaphore is a ValueError", () => {
    const sem = new BoundedSemaphore(1);
    expect(() => sem.release()).toThrow(ValueError);
    expect(() => sem.release()).toThrow("BoundedSemaphore released too many times");
  });

  test("a negative or NaN semaphore value is a ValueError, a non-number a TypeError", () => {
    expect(() => new Semaphore(-1)).toThrow(ValueError);
    expect(() => new Semaphore(-1)).toThrow("Semaphore initial value must be >= 0");
    expect(() => new Semaphore(-0.5)).toThrow("Semaphore initial value must be >= 0");
    expect(() => new BoundedSemaphore(Number.NaN)).toThrow(ValueError);
    expect(() => new BoundedSemaphore(Number.NaN)).toThrow("BoundedSemaphore: initial value must be a number >= 0 (got NaN)");
    expect(() => new Semaphore("2" as never)).toThrow(TypeError);
    expect(() => new Semaphore("2" as never)).toThrow('Semaphore: initial value must be a number (got string "2")');
  });

  test("a fractional or infinite value counts as CPython counts it", () => {
    // CPython 3.12 (PYENV_VERSION=3.12.1), each acquire through wait_for(s.acquire(), 0.01):
    //   Semaphore(1.5): acquired -> 0.5 (unlocked), acquired -> -0.5 (unlocked: locked() is value == 0), release -> 0.5
    //   Semaphore(0.5): acquired -> -0.5, acquired -> -1.5
    //   Semaphore(inf): every acquire leaves inf
    //   BoundedSemaphore(1.5): acquire, release, release -> ValueError released too many times
    const trace = runSync(function* () {
      const out: string[] = [];
      for (const v of [1.5, 0.5, Infinity]) {
        const s = new Semaphore(v);
        yield* s.acquire();
        out.push(`${s._value} ${s.locked()}`);
        yield* s.acquire();
        out.push(`${s._value} ${s.locked()}`);
        s.release();
        out.push(String(s));
      }
      const b = new BoundedSemaphore(1.5);
      yield* b.acquire();
      b.release();
      try {
        b.release();
      } catch (e) {
        out.push(String(e));
      }
      return out;
    }, { maxSteps: 1000 });
    expect(trace).toEqual([
      "0.5 false",
      "-0.5 false",
      "<asyncio.locks.Semaphore object [unlocked, value:0.5]>",
      "-0.5 false",
      "-1.5 false",
      "<asyncio.locks.Semaphore object [unlocked, value:-0.5]>",
      "Infinity false",
      "Infinity false",
      "<asyncio.locks.Semaphore object [unlocked, value:inf]>",
      "ValueError: BoundedSemaphore released too many times",
    ]);
  });

  test("a Condition's lock must be a Lock, its waitFor predicate a function (they failed later, inside vloop)", () => {
    for (const bad of [5, "lock", {}, new Semaphore()]) {
      expect(() => new Condition(bad as never)).toThrow(/^Condition: lock must be a Lock or omitted \(got /);
    }
    expect(() => new Condition(null as never)).not.toThrow(); // None: a new Lock, as in CPython
    expect(() => new Condition().waitFor(5 as never)).toThrow(/^Condition\.waitFor: predicate must be a function \(got 5\)$/);
  });

  test("waiting on or notifying a condition without its lock is a RuntimeError", () => {
    runSync(function* () {
      const cond = new Condition();
      expect(() => cond.notify()).toThrow("cannot notify on un-acquired lock");
      let message = "";
      try {
        yield* cond.wait();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe("cannot wait on un-acquired lock");
    });
  });

  test("a barrier needs at least one party", () => {
    expect(() => new Barrier(0)).toThrow("parties must be > 0");
  });
});

describe("queues", () => {
  test("taskDone called too often is a ValueError", () => {
    const q = new Queue<number>();
    expect(() => q.taskDone()).toThrow(ValueError);
    expect(() => q.taskDone()).toThrow("task_done() called too many times");
  });

  test("shutdown takes one boolean, immediate (Python takes any truth value; in TypeScript anything else is a mistake)", () => {
    const q = new Queue<number>();
    expect(() => q.shutdown("yes" as never)).toThrow(new TypeError('Queue.shutdown: immediate must be a boolean (got string "yes")'));
    expect(() => (q.shutdown as (...a: unknown[]) => void)(true, 1)).toThrow(/^Queue\.shutdown\(\) takes one argument, immediate \(got an extra argument: 1\)/);
    expect(String(q)).toBe("<Queue maxsize=0>"); // neither call shut it down
  });

  test("a negative maxsize means unbounded, as in CPython", () => {
    const q = new Queue<number>(-1);
    for (let i = 0; i < 100; i++) q.putNowait(i);
    expect(q.full()).toBe(false);
  });

  test("any number is a maxsize, as in CPython: full when qsize() >= maxsize, unbounded when maxsize <= 0", () => {
    // CPython 3.12, asyncio.Queue(m) then put_nowait until QueueFull (at most 5):
    //   2.5 -> full after 3;  0.5 -> full after 1;  -1, 0, -0.5, nan, inf -> 5 puts, never full
    //   and q.maxsize is m itself
    const putsUntilFull = (maxsize: number): number => {
      const q = new Queue<number>(maxsize);
      expect(Object.is(q.maxsize, maxsize)).toBe(true);
      let n = 0;
      try {
        for (let i = 0; i < 5; i++) {
          q.putNowait(i);
          n++;
        }
      } catch (e) {
        expect(e).toBeInstanceOf(QueueFull);
      }
      return n;
    };
    expect(putsUntilFull(2.5)).toBe(3);
    expect(putsUntilFull(0.5)).toBe(1);
    for (const unbounded of [-1, 0, -0.5, Number.NaN, Infinity]) expect(putsUntilFull(unbounded)).toBe(5);
    expect(new LifoQueue(1.5).maxsize).toBe(1.5);
    expect(new PriorityQueue(1.5).maxsize).toBe(1.5);
  });

  test("a maxsize that is not a number is a TypeError naming the value (CPython raises it at the first put)", () => {
    // CPython 3.12: asyncio.Queue("3").put_nowait(0) -> TypeError: '<=' not supported between instances of 'str' and 'int'
    expect(() => new Queue("3" as never)).toThrow(TypeError);
    expect(() => new Queue("3" as never)).toThrow('Queue: maxsize must be a number (got string "3"); use 0 for unbounded');
    expect(() => new Queue(null as never)).toThrow("Queue: maxsize must be a number (got null)");
    expect(() => new PriorityQueue(3n as never)).toThrow("PriorityQueue: maxsize must be a number (got bigint 3n)");
  });

  test("a queue used from another loop names the rule", () => {
    const q = new Queue<number>();
    runSync(function* () {
      // a get that has to wait binds the queue to this loop (as in CPython)
      getRunningLoop().callSoon(() => q.putNowait(1));
      yield* q.get();
    });
    expect(() =>
      runSync(function* () {
        yield* q.get();
      }),
    ).toThrow(/Queue is bound to a different event loop/);
  });
});

describe("wait", () => {
  test("waiting on an empty iterable is a ValueError", () => {
    expect(() =>
      runSync(function* () {
        yield* wait([]);
      }),
    ).toThrow("Set of Tasks/Futures is empty.");
  });

  test("passing coroutines or a bad returnWhen is refused", () => {
    runSync(function* () {
      const fut = getRunningLoop().createFuture<number>();
      fut.setResult(1);
      let message = "";
      try {
        yield* wait([fut], { returnWhen: "SOMETIMES" as never });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe("Invalid return_when value: SOMETIMES");
      try {
        yield* wait([(function* () {})() as never]);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe("Passing coroutines is forbidden, use tasks explicitly.");
    });
  });
});
