/**
 * Trace events: what a run can record about itself. The loop and the tasks
 * emit them only when a tracer is installed (`LoopOptions.tracer`); otherwise
 * each emit point is a single null check.
 *
 * Every event has `t` (virtual time) and `i` (loop iteration). A task's life:
 * task-created, then steps ("step", with `by`: who woke it), each ending in
 * "suspend" (with what it waits on) or "finish". An eager task's first step
 * ("step" with `eager`) runs inside the createTask that made it, so it sits
 * within its creator's step in the same iteration. "resolve" says who completed
 * a future (a task, a timer, a callback); "callback" is a handle that is not
 * a task step; "choice" is a decision of a choosing strategy.
 *
 * Once a program has hosts (src/net/network.ts), "task-created" names the
 * host the task lives on (`host`; absent before the first host is added,
 * when every task is main's).
 */

export type TraceEvent =
  | { kind: "task-created"; t: number; i: number; task: string; host?: string }
  | { kind: "step"; t: number; i: number; task: string; cancel?: boolean; by?: string; eager?: boolean }
  | { kind: "suspend"; t: number; i: number; task: string; on: string }
  | { kind: "finish"; t: number; i: number; task: string; outcome: "result" | "error" | "cancelled"; detail?: string }
  | { kind: "timer-set"; t: number; i: number; timer: number; when: number; task?: string }
  | { kind: "timer-fired"; t: number; i: number; timer: number }
  | { kind: "timer-cancelled"; t: number; i: number; timer: number }
  | { kind: "callback"; t: number; i: number; what: string }
  | { kind: "resolve"; t: number; i: number; future: string; by: string }
  | { kind: "cancel-requested"; t: number; i: number; task: string; by?: string }
  | { kind: "choice"; t: number; i: number; point: "ready" | "timer" | "jitter" | "net"; n: number; chosen: number }
  /**
   * The simulated network (src/net/network.ts): a message sent ("send",
   * inside the run that sends it), delivered or dropped ("deliver", "drop":
   * in the IO phase that begins iteration `i`, before its handles; `msg`
   * pairs them with their send), or a fault: partition, repair, hold,
   * release, crash, start, host, fault (a `maybe` that fired).
   * "transfer" is a message between two hosts over a perfect path: sent and
   * delivered inside the one syscall, as on loopback, so one event in the
   * sending run and no `msg` (it never waits anywhere). It is emitted only
   * when tracing; a host's loopback is never traced (see kernel.ts).
   */
  | { kind: "net"; t: number; i: number; op: string; from: string; to: string; detail?: string; msg?: number };

export interface Tracer {
  emit(event: TraceEvent): void;
}

/**
 * A tracer that keeps the events in an array: all of them, or the first
 * `limit` (a livelock emits events without end; the command line keeps a
 * bounded prefix and says so). `dropped` counts the events past the limit.
 */
export class ArrayTracer implements Tracer {
  readonly events: TraceEvent[] = [];
  /** how many events arrived after the array was full */
  dropped = 0;
  constructor(private readonly limit = Infinity) {}
  emit(event: TraceEvent): void {
    if (this.events.length < this.limit) this.events.push(event);
    else this.dropped++;
  }
}
