import { log, sleep } from "vloop";

async function sayAfter(delay: number, what: string) {
  await sleep(delay);
  log(what);
}

export async function main() {
  log("started");
  await sayAfter(1, "hello");
  await sayAfter(2, "world");
  log("finished");
}
