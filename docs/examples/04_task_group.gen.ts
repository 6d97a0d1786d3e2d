import { TaskGroup, asyncWith, log, sleep } from "vloop";

function* sayAfter(delay: number, what: string) {
  yield* sleep(delay);
  log(what);
}

export function* main() {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(sayAfter(1, "hello"));
    tg.createTask(sayAfter(2, "world"));
    log("started");
  });
  // The await is implicit when the context manager exits.
  log("finished");
}
