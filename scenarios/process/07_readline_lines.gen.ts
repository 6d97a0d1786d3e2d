import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "readline loop",
  description: "Reading a child's output line by line, then waiting for it.",
};

export function* main() {
  processes().register("printf", { stdout: ["a", "b", "c"] });
  const proc = yield* createSubprocessExec("printf", "a\\nb\\nc\\n", { stdout: PIPE });
  const stdout = proc.stdout!;
  for (;;) {
    const line = yield* stdout.readline();
    if (line.length === 0) break;
    log("line", line);
  }
  log("at_eof", stdout.atEof());
  log("wait", yield* proc.wait());
}
