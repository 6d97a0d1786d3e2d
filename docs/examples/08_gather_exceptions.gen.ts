import { ValueError, gather, log, sleep } from "vloop";

function* work(n: number) {
  yield* sleep(n);
  if (n === 2) throw new ValueError(`no ${n}`);
  log("work", n, "done");
  return n * 10;
}

export function* main() {
  const results = yield* gather(work(1), work(2), work(3), { returnExceptions: true });
  log("with return_exceptions:", results);
  try {
    yield* gather(work(1), work(2), work(3));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("without: gather raised ValueError:", e);
  }
  yield* sleep(2);
  log("the other children ran on");
}
