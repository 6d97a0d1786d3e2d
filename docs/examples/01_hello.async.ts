import { log, sleep } from "vloop";

export async function main() {
  log("hello");
  await sleep(1);
  log("world");
}
