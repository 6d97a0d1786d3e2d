import { ValueError, gather, log, sleep } from "vloop";

async function work(n: number) {
  await sleep(n);
  if (n === 2) throw new ValueError(`no ${n}`);
  log("work", n, "done");
  return n * 10;
}

export async function main() {
  const results = await gather(() => work(1), () => work(2), () => work(3), { returnExceptions: true });
  log("with return_exceptions:", results);
  try {
    await gather(() => work(1), () => work(2), () => work(3));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("without: gather raised ValueError:", e);
  }
  await sleep(2);
  log("the other children ran on");
}
