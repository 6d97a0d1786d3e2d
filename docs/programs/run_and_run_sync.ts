import { createTask, getRunningLoop, run, runSync, sleep } from "vloop";

function say(text: string) {
  console.log(`t=${getRunningLoop().time()} ${text}`);
}

// Async style: run() returns a Promise of main's result.
async function main() {
  say("hello");
  await sleep(1);
  say("world");
  return "async done";
}

// Generator style: runSync() needs no microtasks and returns the result itself.
function* later(delay: number, what: string) {
  yield* sleep(delay);
  return what;
}

function* mainGen() {
  const child = createTask(later(3600, "an hour later"));
  say("waiting an hour");
  say(yield* child);
  return "generator done";
}

console.log(await run(main));
console.log(runSync(mainGen));
