/**
 * `npm start`: runs the seed's three examples on the virtual clock and prints
 * each line with its virtual time and task name, then the total virtual time
 * and the wall time the run took.
 */
import { type EventLoop, createTask, currentTask, gather, getRunningLoop, run, sleep } from "../index.js";

const lines: string[] = [];
function say(text: string): void {
  const task = currentTask();
  lines.push(`${getRunningLoop().time().toFixed(3).padStart(8)}s  ${(task?.getName() ?? "-").padEnd(8)} ${text}`);
}

async function helloWorld(): Promise<void> {
  say("hello");
  await sleep(1);
  say("world");
}

async function sayAfter(delay: number, what: string): Promise<void> {
  await sleep(delay);
  say(what);
}

async function sayAfterMain(): Promise<void> {
  const task1 = createTask(() => sayAfter(1, "hello"));
  const task2 = createTask(() => sayAfter(2, "world"));
  say("started");
  await task1;
  await task2;
  say("finished");
}

async function factorial(name: string, n: number): Promise<number> {
  let f = 1;
  for (let i = 2; i <= n; i++) {
    say(`Task ${name}: Compute factorial(${n}), currently i=${i}...`);
    await sleep(1);
    f *= i;
  }
  say(`Task ${name}: factorial(${n}) = ${f}`);
  return f;
}

async function factorialMain(): Promise<void> {
  const results = await gather(() => factorial("A", 2), () => factorial("B", 3), () => factorial("C", 4));
  say(`[${results.join(", ")}]`);
}

const examples: [string, () => Promise<void>][] = [
  ["hello world", helloWorld],
  ["say_after with two tasks", sayAfterMain],
  ["factorial with gather", factorialMain],
];

let totalVirtual = 0;
const wallStart = process.hrtime.bigint();
for (const [title, main] of examples) {
  lines.length = 0;
  let loop: EventLoop | undefined;
  await run(main, { onLoop: (l) => (loop = l) });
  const end = loop ? loop.time() : 0;
  totalVirtual += end;
  console.log(`== ${title} (ended at t=${end}s virtual)`);
  for (const line of lines) console.log(line);
  console.log();
}
const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
console.log(`total virtual time: ${totalVirtual}s; wall time: ${wallMs.toFixed(1)} ms`);
