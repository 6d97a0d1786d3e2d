import { getRunningLoop, run, sleep } from "vloop";

async function main() {
  const loop = getRunningLoop();
  const fired: number[] = [];
  const when = loop.time() + 0.1; // one deadline, read once, for all twelve timers
  for (let i = 0; i < 12; i++) loop.callAt(when, (x: number) => fired.push(x), i);
  await sleep(0.2);
  console.log("fired:", `[${fired.join(", ")}]`);
}

await run(main);
