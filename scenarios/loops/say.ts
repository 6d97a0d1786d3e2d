/**
 * say(): the printer of loop programs (scenarios/loops), as
 * scenarios/recorder/loops_recorder.py prints for their Python twins:
 * "<time> <task> <parts>" while a loop is running, "- - <parts>" outside any
 * loop (loop programs print between the calls that run a loop).
 */
import { currentTask, getRunningLoop } from "../../src/index.js";
import { fmtTime, py } from "../harness.js";

let lines: string[] = [];

/** Records one line, as the Python recorder's say(). */
export function say(...parts: unknown[]): void {
  let prefix = "- -";
  try {
    const loop = getRunningLoop();
    prefix = `${fmtTime(loop.time())} ${currentTask()?.getName() ?? "-"}`;
  } catch {
    // no running loop
  }
  lines.push(`${prefix} ${parts.map(py).join(" ")}`);
}

/** The lines recorded since the last call. */
export function takeLines(): string[] {
  const taken = lines;
  lines = [];
  return taken;
}

export { fmtTime };
