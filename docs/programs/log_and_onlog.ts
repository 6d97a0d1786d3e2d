import { log, run, sleep } from "vloop";

// 01_hello.async.ts, copied out of the docs: it prints with log().
async function main() {
  log("hello");
  await sleep(1);
  log("world");
}

console.log("run(main):");
await run(main); // prints nothing: log() writes only where a run sends its lines

console.log("run(main, { onLog: console.log }):");
await run(main, { onLog: console.log });
