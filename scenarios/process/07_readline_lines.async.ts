import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "readline loop",
  description: "Reading a child's output line by line, then waiting for it.",
};

export async function main() {
  processes().register("printf", { stdout: ["a", "b", "c"] });
  const proc = await createSubprocessExec("printf", "a\\nb\\nc\\n", { stdout: PIPE });
  const stdout = proc.stdout!;
  for (;;) {
    const line = await stdout.readline();
    if (line.length === 0) break;
    log("line", line);
  }
  log("at_eof", stdout.atEof());
  log("wait", await proc.wait());
}
