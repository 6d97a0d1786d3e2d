import { TaskGroup, asyncWith, log, sleep } from "vloop";

async function sayAfter(delay: number, what: string) {
  await sleep(delay);
  log(what);
}

export async function main() {
  await asyncWith(new TaskGroup(), async (tg) => {
    tg.createTask(() => sayAfter(1, "hello"));
    tg.createTask(() => sayAfter(2, "world"));
    log("started");
  });
  // The await is implicit when the context manager exits.
  log("finished");
}
