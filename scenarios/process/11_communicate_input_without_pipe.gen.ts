import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "communicate(input) without a stdin pipe",
  description: "communicate(input) when stdin is not a pipe: the input is silently dropped.",
};

export function* main() {
  processes().register(["echo", "x"], { stdout: "x\n" });
  const proc = yield* createSubprocessExec("echo", "x", { stdout: PIPE });
  log("stdin", proc.stdin);
  const [out, err] = yield* proc.communicate(b("ignored"));
  log("stdout", out, "stderr", err);
}
