/**
 * The tasks panel: every task at the start of a loop iteration, its state
 * and what it waits on, read from the trace model (src/trace/model.ts) of
 * the run, the model the timelines are drawn from.
 */
import type { Lane } from "../../src/trace/model.js";

export interface TaskRow {
  name: string;
  /** "ready", "waiting", "created", "done (returned)", "done (raised E)", "done (cancelled)" */
  state: string;
  /** what it waits on ("sleep(1)", "gather(3)"), or why it is ready */
  waits: string;
}

/**
 * The tasks that exist when iteration `i` begins (a frame is taken then:
 * the steps of iterations before `i` have run, none of `i`'s), given the
 * handles that iteration runs (`ready`, as the frame names them: "step Task-2").
 */
export function tasksAt(lanes: readonly Lane[], i: number, ready: readonly string[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const lane of lanes) {
    // created by an earlier iteration, or before the loop ran (the main task)
    const exists = lane.created.i < i || (lane.created.i === i && lane.created.run === undefined) || lane.steps.some((s) => s.i < i);
    if (!exists) continue;
    const before = lane.steps.filter((s) => s.i < i);
    const lastStep = before[before.length - 1];
    let state: string;
    let waits = "";
    if (lane.finish !== undefined && lane.finish.i < i) {
      const f = lane.finish;
      state = f.outcome === "result" ? "done (returned)" : f.outcome === "error" ? `done (raised ${f.detail ?? ""})` : "done (cancelled)";
    } else if (ready.some((h) => h === `step ${lane.name}` || h.startsWith(`step ${lane.name} `))) {
      state = "ready";
      waits = lastStep === undefined ? "its first step is queued" : `woken${lastStep.on ? ` from ${lastStep.on}` : ""}: steps in this iteration`;
    } else if (lastStep === undefined) {
      state = "created";
      waits = "its first step is not queued yet";
    } else {
      state = "waiting";
      waits = lastStep.on ?? "";
    }
    rows.push({ name: lane.name, state, waits });
  }
  return rows;
}
