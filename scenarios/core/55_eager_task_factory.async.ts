import { allTasks, createTask, currentTask, eagerTaskFactory, gather, getRunningLoop, sleep } from "../../src/index.js";
import { log } from "../harness.js";
import { now, quick, sleeper, yielder, failing } from "./55_eager_task_factory.gen.js";

export const meta = {
  title: "eager task factory",
  description:
    "With asyncio.eager_task_factory a task's first step runs inside create_task, under its default name (a given name is set after): a coroutine that never suspends is done when create_task returns, one that raises has failed, one that suspends waits as any task does, and gather's eager children that are done already count at once.",
};

// Eager tasks take generator coroutines in both styles (an async function's
// first step would end in microtasks, after createTask returns): main is an
// async function, and the tasks it creates eagerly run the generator twin's
// coroutines.
export async function main() {
  const loop = getRunningLoop();
  log("factory before:", loop.getTaskFactory());
  loop.setTaskFactory(eagerTaskFactory);
  log("factory set:", loop.getTaskFactory() === eagerTaskFactory);
  const t = createTask(quick(1), { name: "q1" });
  log("after create: done", t.done(), "result", t.result(), "name", t.getName());
  const s = createTask(sleeper(2, 1));
  log("after create sleeper: done", s.done(), s.getName());
  createTask(yielder(3));
  log("after create yielder");
  const f = createTask(failing());
  log("failing done", f.done(), (f.exception() as Error).constructor.name);
  log("all tasks:", [...allTasks()].map((x) => x.getName()).sort());
  log("current:", currentTask()!.getName());
  await sleep(0);
  log("main after sleep(0)");
  const r = await gather(quick(4), sleeper(5, 0.5), yielder(6));
  log("gather ->", r, "at", now());
  log("await s ->", await s, "at", now());
  loop.setTaskFactory(null);
  const u = createTask(quick(7));
  log("lazy: done", u.done());
  await u;
  log("end");
}
