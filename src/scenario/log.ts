/**
 * log(): the line printer of vloop programs, in the conformance recorder's
 * format "<virtual time> <task name or -> <parts>", each part printed as
 * Python's str() would. Lines go to the running loop's own sink
 * (`run(main, { onLog })`, runScenario, the `vloop` command line), else to
 * the process-wide sink (setLogSink); otherwise log() does nothing.
 */
import { currentLoop } from "../loop/running.js";
import { fmtTime, py } from "../util/pyformat.js";

let sink: ((line: string) => void) | null = null;

/** @internal who receives log lines (run's onLog, runScenario, the command line); returns the previous one. */
export function setLogSink(fn: ((line: string) => void) | null): ((line: string) => void) | null {
  const previous = sink;
  sink = fn;
  return previous;
}

/**
 * Records one line: "<virtual time> <task> <parts>". Mirrors the `log()` of
 * vloop's CPython recorder, so the same program prints the same lines.
 * @example log("Task", name, "done"); // "3 Task-4 Task A done"
 */
export function log(...parts: unknown[]): void {
  const loop = currentLoop();
  if (loop === null) return;
  const to = loop._logSink ?? sink;
  if (to === null) return;
  const task = loop._currentTask;
  to(`${fmtTime(loop.time())} ${task ? task.getName() : "-"} ${parts.map(py).join(" ")}`);
}
