/**
 * The deadlock report: what `DeadlockError` says when no handle is ready and
 * no timer is pending.
 *
 * CPython has no such report (its loop would block in `select()` for ever).
 * vloop names each unfinished task and what it waits on, as the task's
 * awaited future describes itself ("Lock#2.acquire(), held by Task-4
 * (acquired at t=0)"), and finds the wait-for cycles: a task waits for
 * another when it awaits that task (directly, or in gather, wait, a
 * TaskGroup, ...) or wants a Lock or Semaphore that task holds. Each
 * strongly connected component of that graph (Tarjan's algorithm) with a
 * cycle in it is printed as one cycle: the shortest one through its
 * earliest-created task.
 *
 *     deadlock at t=1: no handle is ready and no timer is pending, so nothing can ever run again.
 *     Wait-for cycle: Task-3 waits for Lock#1 (held by Task-4), Task-4 waits for Lock#2 (held by Task-3)
 *     Unfinished tasks:
 *       Task-1: waits on gather(Task-3, Task-4)
 *       Task-3: waits on Lock#1.acquire(), held by Task-4 (acquired at t=0)
 *       Task-4: waits on Lock#2.acquire(), held by Task-3 (acquired at t=0)
 *
 * Ordering: tasks in creation order; edges in the order each wait lists
 * them; cycles by their earliest task. The report is built once, when the
 * deadlock is found, so nothing here costs anything while a run goes well.
 * Long reports stay readable: ten cycles are printed (the others counted),
 * twenty tasks of a cycle, eight names of a gather's children.
 */
import type { LoopTask } from "./baseEventLoop.js";

/** One edge of the wait-for graph: the waiting task waits for `task`; `via` says how ("Lock#2 (held by Task-4)"). */
export interface WaitEdge {
  readonly task: LoopTask;
  readonly via: string;
}

/** What an unfinished task waits on: the text of its report line, and the tasks that could end the wait. */
export interface WaitInfo {
  /** "waits on Lock#2.acquire(), held by Task-4 (acquired at t=0)" */
  readonly text: string;
  readonly edges: readonly WaitEdge[];
}

/** At most this many cycles are printed; the rest are counted. */
const MAX_CYCLES = 10;
/** At most this many tasks of one cycle are printed. */
const MAX_HOPS = 20;

/**
 * The DeadlockError message for `tasks` (the unfinished ones, in creation
 * order) at virtual time `now`.
 */
export function deadlockReport(now: number, tasks: readonly LoopTask[]): string {
  // Each task's line first: primitives are numbered (Lock#1, ...) as the lines mention them.
  const infos = tasks.map((t) => t._waitInfo());
  const lines = [`deadlock at t=${now}: no handle is ready and no timer is pending, so nothing can ever run again.`];
  const cycles = waitForCycles(tasks, infos);
  for (const cycle of cycles.slice(0, MAX_CYCLES)) lines.push(`Wait-for cycle: ${cycle}`);
  if (cycles.length > MAX_CYCLES) lines.push(`... and ${cycles.length - MAX_CYCLES} more wait-for cycles`);
  lines.push("Unfinished tasks:");
  if (tasks.length === 0) lines.push("  (none)");
  tasks.forEach((t, i) => lines.push(`  ${t.getName()}: ${infos[i].text}`));
  return lines.join("\n");
}

/** The wait-for cycles, one per strongly connected component that has one, as text. */
function waitForCycles(tasks: readonly LoopTask[], infos: readonly WaitInfo[]): string[] {
  const index = new Map<LoopTask, number>();
  tasks.forEach((t, i) => index.set(t, i));
  // adjacency: targets (unfinished tasks only, first edge to each) and how
  const targets: number[][] = [];
  const vias: string[][] = [];
  for (const info of infos) {
    const to: number[] = [];
    const via: string[] = [];
    const seen = new Set<number>();
    for (const edge of info.edges) {
      const j = index.get(edge.task);
      if (j === undefined || seen.has(j)) continue;
      seen.add(j);
      to.push(j);
      via.push(edge.via);
    }
    targets.push(to);
    vias.push(via);
  }
  const found: { start: number; text: string }[] = [];
  for (const component of stronglyConnected(targets)) {
    let start = component[0];
    for (const k of component) if (k < start) start = k;
    const path = shortestCycle(start, new Set(component), targets);
    if (path === null) continue; // a single task that does not wait for itself
    const parts = path.map((from, k) => {
      const to = path[(k + 1) % path.length];
      return `${tasks[from].getName()} waits for ${vias[from][targets[from].indexOf(to)]}`;
    });
    const shown = parts.length <= MAX_HOPS ? parts : [...parts.slice(0, MAX_HOPS), `... (${parts.length} tasks in this cycle)`];
    found.push({ start, text: shown.join(", ") });
  }
  return found.sort((a, b) => a.start - b.start).map((c) => c.text);
}

/**
 * The shortest cycle through `start` inside `within` (breadth first, edges
 * in order), as the tasks on it from `start`; null if there is none.
 */
function shortestCycle(start: number, within: Set<number>, targets: number[][]): number[] | null {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (const v of targets[u]) {
      if (!within.has(v)) continue;
      if (v === start) {
        const path = [u];
        for (let w = u; w !== start; ) {
          w = parent.get(w) as number;
          path.push(w);
        }
        return path.reverse();
      }
      if (!parent.has(v)) {
        parent.set(v, u);
        queue.push(v);
      }
    }
  }
  return null;
}

/** Tarjan's strongly connected components, without recursion (a report may have many tasks). */
function stronglyConnected(targets: number[][]): number[][] {
  const n = targets.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    // frames of the depth-first walk: [node, index of the next edge to follow]
    const frames: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const u = frame[0];
      if (frame[1] < targets[u].length) {
        const v = targets[u][frame[1]++];
        if (order[v] === -1) {
          order[v] = low[v] = counter++;
          stack.push(v);
          onStack[v] = true;
          frames.push([v, 0]);
        } else if (onStack[v]) {
          low[u] = Math.min(low[u], order[v]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const p = frames[frames.length - 1][0];
        low[p] = Math.min(low[p], low[u]);
      }
      if (low[u] === order[u]) {
        const component: number[] = [];
        for (;;) {
          const w = stack.pop() as number;
          onStack[w] = false;
          component.push(w);
          if (w === u) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}
