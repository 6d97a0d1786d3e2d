/**
 * The tasks panel on the factorial example (tasks A, B, C sleep 1 s per
 * factor: A finishes at t=1, B at t=2, C at t=3; main awaits the gather of
 * the three). What each row should say is reasoned here from that.
 */
import { describe, expect, test } from "vitest";
import { main } from "../../scenarios/core/03_factorial_gather.async.js";
import { ArrayTracer } from "../../src/loop/trace.js";
import { recordFrames } from "../../src/scenario/recordFrames.js";
import { buildModel } from "../../src/trace/model.js";
import { tasksAt } from "./tasks.js";

describe("the tasks panel", async () => {
  const tracer = new ArrayTracer();
  const { frames } = await recordFrames(main as () => Promise<unknown>, { tracer });
  const lanes = buildModel(tracer.events).lanes;
  const at = (k: number) => tasksAt(lanes, frames[k].iteration, frames[k].ready);

  test("before the first step only the main task exists, its first step queued", () => {
    expect(at(0)).toEqual([{ name: "main", state: "ready", waits: "its first step is queued" }]);
  });

  test("at t=3: A and B have returned; C waits on sleep(1) while its timer runs, and is ready in the iteration after", () => {
    // the timer's callback completes the sleep's future; the task's wake-up is that future's done
    // callback, which call_soon queues for the next iteration (asyncio's Future._schedule_callbacks)
    const k = frames.findIndex((f) => f.time === 3);
    expect(frames[k].ready.every((h) => h.startsWith("timer #"))).toBe(true);
    const rows = (c: { state: string; waits: string }) => [
      { name: "main", state: "waiting", waits: "gather(3)" },
      { name: "Task-2", state: "done (returned)", waits: "" },
      { name: "Task-3", state: "done (returned)", waits: "" },
      { name: "Task-4", ...c },
    ];
    expect(at(k)).toEqual(rows({ state: "waiting", waits: "sleep(1)" }));
    expect(frames[k + 1].ready).toContain("step Task-4");
    expect(at(k + 1)).toEqual(rows({ state: "ready", waits: "woken from sleep(1): steps in this iteration" }));
  });

  test("after the last step every task is done", () => {
    const done = lanes.length;
    expect(tasksAt(lanes, frames[frames.length - 1].iteration + 1, []).filter((t) => t.state === "done (returned)")).toHaveLength(done);
  });
});
