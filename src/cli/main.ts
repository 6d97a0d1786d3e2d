/**
 * `npm start`: the tour. Runs the seed's three examples (hello world,
 * say_after with two tasks, factorial with gather) on the virtual clock,
 * prints each line with its virtual time and task name and each run's
 * timeline, then the total virtual time and the wall time it took.
 */
import { pc } from "./colors.js";
import { type EventLoop, createTask, gather, log, sleep } from "../index.js";
import { ArrayTracer } from "../loop/trace.js";
import { runScenario } from "../scenario/runScenario.js";
import { renderTimeline } from "../trace/text.js";

async function helloWorld(): Promise<void> {
  log("hello");
  await sleep(1);
  log("world");
}

async function sayAfter(delay: number, what: string): Promise<void> {
  await sleep(delay);
  log(what);
}

async function sayAfterMain(): Promise<void> {
  const task1 = createTask(() => sayAfter(1, "hello"));
  const task2 = createTask(() => sayAfter(2, "world"));
  log("started");
  await task1;
  await task2;
  log("finished");
}

async function factorial(name: string, n: number): Promise<number> {
  let f = 1;
  for (let i = 2; i <= n; i++) {
    log(`Task ${name}: Compute factorial(${n}), currently i=${i}...`);
    await sleep(1);
    f *= i;
  }
  log(`Task ${name}: factorial(${n}) = ${f}`);
  return f;
}

async function factorialMain(): Promise<number[]> {
  const results = await gather(() => factorial("A", 2), () => factorial("B", 3), () => factorial("C", 4));
  log(results);
  return results;
}

const examples: [string, () => Promise<unknown>][] = [
  ["hello world", helloWorld],
  ["say_after with two tasks", sayAfterMain],
  ["factorial with gather", factorialMain],
];

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
let totalVirtual = 0;
const wallStart = process.hrtime.bigint(); // real-time: the tour reports its wall time
for (const [title, main] of examples) {
  const tracer = new ArrayTracer();
  let loop: EventLoop | undefined;
  const lines = await runScenario(main, "async", { tracer, onLoop: (l) => (loop = l) });
  const end = loop ? loop.time() : 0;
  totalVirtual += end;
  console.log(pc.bold(`== ${title}`) + pc.dim(`  (ends at virtual t=${end})`));
  console.log(pc.dim("   time  task     text"));
  for (const line of lines) {
    const [t, task, ...text] = line.split(" ");
    console.log(`${t.padStart(7)}  ${task.padEnd(8)} ${text.join(" ")}`);
  }
  console.log();
  console.log(renderTimeline(tracer.events, { width: 100, color }));
  console.log();
}
const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
console.log(`total virtual time: ${totalVirtual} s; wall time: ${wallMs.toFixed(1)} ms`);
console.log(pc.dim("next: npx vloop run scenarios/core/03_factorial_gather.async.ts, and docs/tutorial.md"));
