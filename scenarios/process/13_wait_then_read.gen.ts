import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait, then read",
  description: "wait() before reading a small output is fine: the pipe holds it.",
};

export function* main() {
  processes().register("echo", { stdout: "small\n" });
  const proc = yield* createSubprocessExec("echo", "small", { stdout: PIPE });
  log("wait", yield* proc.wait());
  log("read", yield* proc.stdout!.read());
}
