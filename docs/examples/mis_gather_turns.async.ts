import { gather, log, sleep } from "vloop";

async function work(name: string) {
  log(name, "starts its first step");
  let total = 0;
  for (let i = 0; i < 100_000; i++) total += i; // no await: nothing else runs, and virtual time stands still
  log(name, "ends its first step");
  await sleep(1);
  log(name, "done");
}

export async function main() {
  await gather(() => work("A"), () => work("B"));
}
