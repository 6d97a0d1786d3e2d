/**
 * The deadlock report, text for text: every kind of wait named as itself
 * (which lock, queue, event; who holds a lock or a semaphore), the wait-for
 * cycles, and the same text in both coroutine styles and in every run.
 *
 * Each program is written twice, generator style (run with runSync) and
 * async style (run with run()), and both must print the expected text.
 * Numbers: tasks are Task-<n> in creation order (main is Task-1, a named
 * task uses up a number too); primitives are numbered per kind in the order
 * the "Unfinished tasks" lines (creation order) first mention them.
 */
import { describe, expect, test } from "vitest";
import {
  Barrier,
  BoundedSemaphore,
  CancelledError,
  Condition,
  DeadlockError,
  Event,
  FIRST_COMPLETED,
  Lock,
  PriorityQueue,
  Queue,
  Semaphore,
  TaskGroup,
  asCompleted,
  asyncWith,
  createTask,
  gather,
  getRunningLoop,
  labelFuture,
  run,
  runSync,
  shield,
  sleep,
  wait,
  waitFor,
} from "../index.js";
import type { Task } from "../index.js";
import { ArrayTracer } from "./trace.js";

type GenMain = () => Generator<unknown, unknown, unknown>;
type AsyncMain = () => Promise<unknown>;

const HEAD = "deadlock at t=0: no handle is ready and no timer is pending, so nothing can ever run again.";

function deadlockGen(main: GenMain): string {
  try {
    runSync(main);
  } catch (error) {
    if (error instanceof DeadlockError) return error.message;
    throw error;
  }
  throw new Error("the generator-style program did not deadlock");
}

async function deadlockAsync(main: AsyncMain): Promise<string> {
  try {
    await run(main);
  } catch (error) {
    if (error instanceof DeadlockError) return error.message;
    throw error;
  }
  throw new Error("the async-style program did not deadlock");
}

/** Both styles deadlock with exactly `expected` (lines joined with "\n"). */
async function expectReport(gen: GenMain, asyncMain: AsyncMain, expected: string[]): Promise<void> {
  expect(deadlockGen(gen), "generator style").toBe(expected.join("\n"));
  expect(await deadlockAsync(asyncMain), "async style").toBe(expected.join("\n"));
}

describe("locks", () => {
  // The program: two tasks take two locks in opposite orders; a third joins a queue nobody serves.
  const genMain: GenMain = function* () {
    const a = new Lock();
    const b = new Lock();
    const q = new Queue<number>();
    function* one() {
      yield* a.acquire();
      yield* sleep(1);
      yield* b.acquire();
    }
    function* two() {
      yield* b.acquire();
      yield* sleep(1);
      yield* a.acquire();
    }
    createTask(function* () {
      q.putNowait(1);
      yield* q.join();
    }, { name: "joiner" });
    yield* gather(one(), two());
  };
  const asyncMain: AsyncMain = async () => {
    const a = new Lock();
    const b = new Lock();
    const q = new Queue<number>();
    async function one() {
      await a.acquire();
      await sleep(1);
      await b.acquire();
    }
    async function two() {
      await b.acquire();
      await sleep(1);
      await a.acquire();
    }
    createTask(() => {
      q.putNowait(1);
      return q.join();
    }, { name: "joiner" });
    await gather(one, two);
  };
  // Task-3 (one) holds a and waits for b: b is the first lock the lines mention, Lock#1.
  const expected = [
    "deadlock at t=1: no handle is ready and no timer is pending, so nothing can ever run again.",
    "Wait-for cycle: Task-3 waits for Lock#1 (held by Task-4), Task-4 waits for Lock#2 (held by Task-3)",
    "Unfinished tasks:",
    "  Task-1: waits on gather(Task-3, Task-4)",
    "  joiner: waits on Queue#1.join() (1 unfinished item, 1 in the queue)",
    "  Task-3: waits on Lock#1.acquire(), held by Task-4 (acquired at t=0)",
    "  Task-4: waits on Lock#2.acquire(), held by Task-3 (acquired at t=0)",
  ];

  test("a lock-order cycle names both locks and their holders; Queue.join() is itself, not Event.wait()", async () => {
    await expectReport(genMain, asyncMain, expected);
  });

  test("the same program gives the same report in every run (names restart with each loop)", async () => {
    for (let i = 0; i < 3; i++) expect(deadlockGen(genMain)).toBe(expected.join("\n"));
    for (let i = 0; i < 3; i++) expect(await deadlockAsync(asyncMain)).toBe(expected.join("\n"));
  });

  test("a task that takes a lock it holds waits for itself", async () => {
    await expectReport(
      function* () {
        const lock = new Lock();
        yield* sleep(1.5);
        yield* lock.acquire();
        yield* lock.acquire();
      },
      async () => {
        const lock = new Lock();
        await sleep(1.5);
        await lock.acquire();
        await lock.acquire();
      },
      [
        "deadlock at t=1.5: no handle is ready and no timer is pending, so nothing can ever run again.",
        "Wait-for cycle: Task-1 waits for Lock#1 (held by Task-1)",
        "Unfinished tasks:",
        "  Task-1: waits on Lock#1.acquire(), held by Task-1 (acquired at t=1.5)",
      ],
    );
  });

  test("a task awaiting a task awaiting a lock: the chain, and the holder that finished without releasing", async () => {
    // holder takes the lock and returns; main awaits mid, mid awaits leaf, leaf wants the lock
    await expectReport(
      function* () {
        const lock = new Lock();
        yield* createTask(function* () {
          yield* lock.acquire();
        }, { name: "holder" });
        const leaf = createTask(function* () {
          yield* lock.acquire();
        }, { name: "leaf" });
        yield* createTask(function* () {
          yield* leaf;
        }, { name: "mid" });
      },
      async () => {
        const lock = new Lock();
        await createTask(async () => {
          await lock.acquire();
        }, { name: "holder" });
        const leaf = createTask(async () => {
          await lock.acquire();
        }, { name: "leaf" });
        await createTask(async () => {
          await leaf;
        }, { name: "mid" });
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on mid, which waits on leaf, which waits on Lock#1.acquire(), held by holder (acquired at t=0; holder finished without releasing it)",
        "  leaf: waits on Lock#1.acquire(), held by holder (acquired at t=0; holder finished without releasing it)",
        "  mid: waits on leaf, which waits on Lock#1.acquire(), held by holder (acquired at t=0; holder finished without releasing it)",
      ],
    );
  });

  test("a task awaiting a task that waits for a lock the first one holds: a cycle through the await", async () => {
    await expectReport(
      function* () {
        const lock = new Lock();
        yield* lock.acquire();
        yield* createTask(function* () {
          yield* lock.acquire();
        }, { name: "worker" });
      },
      async () => {
        const lock = new Lock();
        await lock.acquire();
        await createTask(async () => {
          await lock.acquire();
        }, { name: "worker" });
      },
      [
        HEAD,
        "Wait-for cycle: Task-1 waits for worker, worker waits for Lock#1 (held by Task-1)",
        "Unfinished tasks:",
        "  Task-1: waits on worker, which waits on Lock#1.acquire(), held by Task-1 (acquired at t=0)",
        "  worker: waits on Lock#1.acquire(), held by Task-1 (acquired at t=0)",
      ],
    );
  });

  test("two independent cycles are printed in the order of their first task", async () => {
    function* pairGen(x: Lock, y: Lock) {
      yield* x.acquire();
      yield* sleep(0);
      yield* y.acquire();
    }
    async function pairAsync(x: Lock, y: Lock) {
      await x.acquire();
      await sleep(0);
      await y.acquire();
    }
    await expectReport(
      function* () {
        const [a, b, c, d] = [new Lock(), new Lock(), new Lock(), new Lock()];
        yield* gather(pairGen(a, b), pairGen(c, d), pairGen(b, a), pairGen(d, c));
      },
      async () => {
        const [a, b, c, d] = [new Lock(), new Lock(), new Lock(), new Lock()];
        await gather(() => pairAsync(a, b), () => pairAsync(c, d), () => pairAsync(b, a), () => pairAsync(d, c));
      },
      [
        HEAD,
        "Wait-for cycle: Task-2 waits for Lock#1 (held by Task-4), Task-4 waits for Lock#3 (held by Task-2)",
        "Wait-for cycle: Task-3 waits for Lock#2 (held by Task-5), Task-5 waits for Lock#4 (held by Task-3)",
        "Unfinished tasks:",
        "  Task-1: waits on gather(Task-2, Task-3, Task-4, Task-5)",
        "  Task-2: waits on Lock#1.acquire(), held by Task-4 (acquired at t=0)",
        "  Task-3: waits on Lock#2.acquire(), held by Task-5 (acquired at t=0)",
        "  Task-4: waits on Lock#3.acquire(), held by Task-2 (acquired at t=0)",
        "  Task-5: waits on Lock#4.acquire(), held by Task-3 (acquired at t=0)",
      ],
    );
  });
});

describe("semaphores and conditions", () => {
  test("a Semaphore names its value and the tasks holding its units", async () => {
    await expectReport(
      function* () {
        const sem = new Semaphore(2);
        const gate = new Event();
        const worker = function* () {
          yield* sem.acquire();
          yield* gate.wait();
        };
        yield* gather(
          createTask(worker, { name: "w1" }),
          createTask(worker, { name: "w2" }),
          createTask(worker, { name: "w3" }),
        );
      },
      async () => {
        const sem = new Semaphore(2);
        const gate = new Event();
        const worker = async () => {
          await sem.acquire();
          await gate.wait();
        };
        await gather(createTask(worker, { name: "w1" }), createTask(worker, { name: "w2" }), createTask(worker, { name: "w3" }));
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on gather(w1, w2, w3)",
        "  w1: waits on Event#1.wait()",
        "  w2: waits on Event#1.wait()",
        "  w3: waits on Semaphore#1.acquire() (value 0, held by w1, w2)",
      ],
    );
  });

  test("a cycle through a BoundedSemaphore and a Lock", async () => {
    await expectReport(
      function* () {
        const sem = new BoundedSemaphore(1);
        const lock = new Lock();
        yield* gather(
          createTask(function* () {
            yield* sem.acquire();
            yield* sleep(0);
            yield* lock.acquire();
          }, { name: "a" }),
          createTask(function* () {
            yield* lock.acquire();
            yield* sleep(0);
            yield* sem.acquire();
          }, { name: "b" }),
        );
      },
      async () => {
        const sem = new BoundedSemaphore(1);
        const lock = new Lock();
        await gather(
          createTask(async () => {
            await sem.acquire();
            await sleep(0);
            await lock.acquire();
          }, { name: "a" }),
          createTask(async () => {
            await lock.acquire();
            await sleep(0);
            await sem.acquire();
          }, { name: "b" }),
        );
      },
      [
        HEAD,
        "Wait-for cycle: a waits for Lock#1 (held by b), b waits for BoundedSemaphore#1 (held by a)",
        "Unfinished tasks:",
        "  Task-1: waits on gather(a, b)",
        "  a: waits on Lock#1.acquire(), held by b (acquired at t=0)",
        "  b: waits on BoundedSemaphore#1.acquire() (value 0, held by a)",
      ],
    );
  });

  test("a Semaphore used as a signal (released here, acquired there) holds nobody", async () => {
    const holders = runSync(function* () {
      const sem = new Semaphore(0);
      for (let i = 0; i < 1000; i++) sem.release();
      for (let i = 0; i < 1000; i++) yield* sem.acquire();
      return sem._holders?.length ?? 0;
    });
    expect(holders).toBe(0);
    const stillHeld = runSync(function* () {
      const sem = new Semaphore(3);
      yield* sem.acquire();
      yield* sem.acquire();
      sem.release();
      return sem._holders?.length;
    });
    expect(stillHeld).toBe(1);
  });

  test("Condition: wait() with no notify, the re-acquire after a notify, and acquire() of its lock", async () => {
    // consumer and consumer2 wait; holder takes the lock, notifies one, then waits on an event
    // while holding it; other wants the lock too
    await expectReport(
      function* () {
        const cond = new Condition();
        const never = new Event();
        const waiter = function* () {
          yield* cond.acquire();
          yield* cond.wait();
        };
        yield* gather(
          createTask(waiter, { name: "consumer" }),
          createTask(waiter, { name: "consumer2" }),
          createTask(function* () {
            yield* cond.acquire();
            cond.notify();
            yield* never.wait();
          }, { name: "holder" }),
          createTask(function* () {
            yield* asyncWith(cond, function* () {});
          }, { name: "other" }),
        );
      },
      async () => {
        const cond = new Condition();
        const never = new Event();
        const waiter = async () => {
          await cond.acquire();
          await cond.wait();
        };
        await gather(
          createTask(waiter, { name: "consumer" }),
          createTask(waiter, { name: "consumer2" }),
          createTask(async () => {
            await cond.acquire();
            cond.notify();
            await never.wait();
          }, { name: "holder" }),
          createTask(async () => {
            await asyncWith(cond, async () => {});
          }, { name: "other" }),
        );
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on gather(consumer, consumer2, holder, other)",
        "  consumer: waits on Condition#1.wait(), notified and re-acquiring its lock, held by holder (acquired at t=0)",
        "  consumer2: waits on Condition#1.wait()",
        "  holder: waits on Event#1.wait()",
        "  other: waits on Condition#1.acquire(), held by holder (acquired at t=0)",
      ],
    );
  });

  test("a Condition over a user's Lock names that lock", async () => {
    await expectReport(
      function* () {
        const lock = new Lock();
        const cond = new Condition(lock);
        createTask(function* () {
          yield* cond.acquire();
          yield* cond.wait();
        }, { name: "consumer" });
        yield* sleep(0);
        yield* lock.acquire();
        cond.notify();
        yield* sleep(1);
        yield* new Event().wait();
      },
      async () => {
        const lock = new Lock();
        const cond = new Condition(lock);
        createTask(async () => {
          await cond.acquire();
          await cond.wait();
        }, { name: "consumer" });
        await sleep(0);
        await lock.acquire();
        cond.notify();
        await sleep(1);
        await new Event().wait();
      },
      [
        "deadlock at t=1: no handle is ready and no timer is pending, so nothing can ever run again.",
        "Unfinished tasks:",
        "  Task-1: waits on Event#1.wait()",
        "  consumer: waits on Condition#1.wait(), notified and re-acquiring Lock#1, held by Task-1 (acquired at t=0)",
      ],
    );
  });

  test("Barrier.wait() says how many parties are waiting", async () => {
    await expectReport(
      function* () {
        const barrier = new Barrier(3);
        yield* gather(barrier.wait(), barrier.wait());
      },
      async () => {
        const barrier = new Barrier(3);
        await gather(() => barrier.wait(), () => barrier.wait());
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on gather(Task-2, Task-3)",
        "  Task-2: waits on Barrier#1.wait() (2 of 3 parties waiting)",
        "  Task-3: waits on Barrier#1.wait() (2 of 3 parties waiting)",
      ],
    );
  });
});

describe("queues", () => {
  test("get() from an empty queue, put() into a full one, each queue by its kind", async () => {
    await expectReport(
      function* () {
        const full = new Queue<number>(1);
        full.putNowait(1);
        const empty = new PriorityQueue<number>();
        createTask(function* () {
          yield* full.put(2);
        }, { name: "producer" });
        yield* empty.get();
      },
      async () => {
        const full = new Queue<number>(1);
        full.putNowait(1);
        const empty = new PriorityQueue<number>();
        createTask(() => full.put(2), { name: "producer" });
        await empty.get();
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on PriorityQueue#1.get() (empty)",
        "  producer: waits on Queue#1.put() (full, maxsize 1)",
      ],
    );
  });

  test("join() counts the unfinished items and those still in the queue", async () => {
    // two items put, one got without taskDone(): 2 unfinished, 1 in the queue
    await expectReport(
      function* () {
        const q = new Queue<string>();
        q.putNowait("a");
        q.putNowait("b");
        q.getNowait();
        yield* q.join();
      },
      async () => {
        const q = new Queue<string>();
        q.putNowait("a");
        q.putNowait("b");
        q.getNowait();
        await q.join();
      },
      [HEAD, "Unfinished tasks:", "  Task-1: waits on Queue#1.join() (2 unfinished items, 1 in the queue)"],
    );
  });
});

describe("waits on several futures, and plain futures", () => {
  test("gather lists the children not done yet, and how many are", async () => {
    await expectReport(
      function* () {
        const never = new Event();
        yield* gather(
          createTask(function* () {}, { name: "quick" }),
          createTask(() => never.wait(), { name: "stuck" }),
        );
      },
      async () => {
        const never = new Event();
        await gather(createTask(async () => {}, { name: "quick" }), createTask(() => never.wait(), { name: "stuck" }));
      },
      [HEAD, "Unfinished tasks:", "  Task-1: waits on gather(stuck; 1 done)", "  stuck: waits on Event#1.wait()"],
    );
  });

  test("wait(), shield(), a TaskGroup's end and asCompleted() name the tasks they wait for", async () => {
    await expectReport(
      function* () {
        const never = new Event();
        const t = (name: string) => createTask(() => never.wait(), { name });
        const [a, b] = [t("a"), t("b")];
        createTask(() => wait([a, b] as Task<unknown>[], { returnWhen: FIRST_COMPLETED }), { name: "waiting" });
        createTask(() => shield(a), { name: "shielding" });
        createTask(function* () {
          for (const next of asCompleted([a, b])) yield* next;
        }, { name: "completing" });
        yield* asyncWith(new TaskGroup(), function* (tg) {
          tg.createTask(() => never.wait(), { name: "child" });
        });
      },
      async () => {
        const never = new Event();
        const t = (name: string) => createTask(() => never.wait(), { name });
        const [a, b] = [t("a"), t("b")];
        createTask(() => wait([a, b] as Task<unknown>[], { returnWhen: FIRST_COMPLETED }), { name: "waiting" });
        createTask(() => shield(a), { name: "shielding" });
        createTask(async () => {
          for (const next of asCompleted([a, b])) await next;
        }, { name: "completing" });
        await asyncWith(new TaskGroup(), async (tg) => {
          tg.createTask(() => never.wait(), { name: "child" });
        });
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on TaskGroup(child)",
        "  a: waits on Event#1.wait()",
        "  b: waits on Event#1.wait()",
        "  waiting: waits on wait(a, b; FIRST_COMPLETED)",
        "  shielding: waits on shield(a)",
        "  completing: waits on asCompleted(a, b)",
        "  child: waits on Event#1.wait()",
      ],
    );
  });

  test("waitFor(aw, null) is the wait itself; waitFor(task, 0) waits for the task's cancellation", async () => {
    await expectReport(
      function* () {
        const never = new Event();
        const stubborn = createTask(function* () {
          try {
            yield* never.wait();
          } catch (error) {
            if (!(error instanceof CancelledError)) throw error;
            yield* never.wait(); // swallows the cancellation and waits again
          }
        }, { name: "stubborn" });
        createTask(() => waitFor(stubborn, 0), { name: "impatient" });
        yield* waitFor(never.wait(), null);
      },
      async () => {
        const never = new Event();
        const stubborn = createTask(async () => {
          try {
            await never.wait();
          } catch (error) {
            if (!(error instanceof CancelledError)) throw error;
            await never.wait(); // swallows the cancellation and waits again
          }
        }, { name: "stubborn" });
        createTask(() => waitFor(stubborn, 0), { name: "impatient" });
        await waitFor(never.wait(), null);
      },
      [
        HEAD,
        "Unfinished tasks:",
        "  Task-1: waits on Event#1.wait()",
        "  stubborn: waits on Event#1.wait()",
        "  impatient: waits on waitFor(timeout <= 0) cancelling stubborn, which waits on Event#1.wait()",
      ],
    );
  });

  test("a user's future: by number, with its label if it has one", async () => {
    await expectReport(
      function* () {
        const loop = getRunningLoop();
        const reply = loop.createFuture();
        labelFuture(reply, "reply from the server");
        createTask(() => reply, { name: "client" });
        yield* loop.createFuture();
      },
      async () => {
        const loop = getRunningLoop();
        const reply = loop.createFuture();
        labelFuture(reply, "reply from the server");
        createTask(async () => await reply, { name: "client" });
        await loop.createFuture();
      },
      [HEAD, "Unfinished tasks:", "  Task-1: waits on Future#1", "  client: waits on Future#2 (reply from the server)"],
    );
  });
});

describe("long reports stay readable", () => {
  test("a gather of many children names the first 8; a long cycle shows its first 20 tasks", () => {
    // 25 tasks in a ring: task i holds lock i and wants lock i+1 (mod 25). Task-(i+2) is task i;
    // its line is the first to mention lock i+1, which so becomes Lock#(i+1) (lock 0 is Lock#25).
    const n = 25;
    const message = deadlockGen(function* () {
      const locks = Array.from({ length: n }, () => new Lock());
      const ring = (i: number) =>
        createTask(function* () {
          yield* locks[i].acquire();
          yield* sleep(0);
          yield* locks[(i + 1) % n].acquire();
        });
      yield* gather(...Array.from({ length: n }, (_, i) => ring(i)));
    });
    const hop = (i: number) => `Task-${i + 2} waits for Lock#${i + 1} (held by Task-${((i + 1) % n) + 2})`;
    const line = (i: number) => `  Task-${i + 2}: waits on Lock#${i + 1}.acquire(), held by Task-${((i + 1) % n) + 2} (acquired at t=0)`;
    expect(message).toBe(
      [
        HEAD,
        `Wait-for cycle: ${Array.from({ length: 20 }, (_, i) => hop(i)).join(", ")}, ... (25 tasks in this cycle)`,
        "Unfinished tasks:",
        "  Task-1: waits on gather(Task-2, Task-3, Task-4, Task-5, Task-6, Task-7, Task-8, Task-9, ... and 17 more)",
        ...Array.from({ length: n }, (_, i) => line(i)),
      ].join("\n"),
    );
  });

  test("ten cycles are printed, the others counted", () => {
    // 12 pairs of tasks, each pair taking its two locks in opposite orders: 12 cycles
    const message = deadlockGen(function* () {
      const tasks = [];
      for (let p = 0; p < 12; p++) {
        const [x, y] = [new Lock(), new Lock()];
        for (const [first, second] of [[x, y], [y, x]]) {
          tasks.push(
            createTask(function* () {
              yield* first.acquire();
              yield* sleep(0);
              yield* second.acquire();
            }),
          );
        }
      }
      yield* gather(...tasks);
    });
    const cycles = message.split("\n").filter((l) => l.startsWith("Wait-for cycle: "));
    expect(cycles).toHaveLength(10);
    // pair p is Task-(2p+2) and Task-(2p+3); each line mentions a new lock: Lock#(2p+1), Lock#(2p+2)
    expect(cycles[9]).toBe("Wait-for cycle: Task-20 waits for Lock#19 (held by Task-21), Task-21 waits for Lock#20 (held by Task-20)");
    expect(message).toContain(`${cycles[9]}\n... and 2 more wait-for cycles\nUnfinished tasks:\n`);
  });
});

describe("traces name these waits as themselves too", () => {
  test("Queue.join(), Barrier.wait() and asCompleted() are not the Event, Condition and Queue they use inside", () => {
    const tracer = new ArrayTracer();
    try {
      runSync(
        function* () {
          const q = new Queue<number>();
          q.putNowait(1);
          const barrier = new Barrier(2);
          const never = new Event();
          const t = createTask(() => never.wait(), { name: "t" });
          createTask(() => q.join(), { name: "joiner" });
          createTask(() => barrier.wait(), { name: "arriving" });
          createTask(function* () {
            for (const next of asCompleted([t])) yield* next;
          }, { name: "completing" });
          yield* sleep(1);
        },
        { tracer },
      );
    } catch (error) {
      if (!(error instanceof DeadlockError)) throw error;
    }
    const suspended = tracer.events.flatMap((e) => (e.kind === "suspend" ? [`${e.task}: ${e.on}`] : []));
    expect(suspended).toEqual([
      "Task-1: sleep(1)",
      "t: Event.wait()",
      "joiner: Queue.join()",
      "arriving: Barrier.wait()",
      "completing: asCompleted()",
    ]);
  });
});
