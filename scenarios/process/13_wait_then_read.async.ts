import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait, then read",
  description: "wait() before reading a small output is fine: the pipe holds it.",
};

export async function main() {
  processes().register("echo", { stdout: "small\n" });
  const proc = await createSubprocessExec("echo", "small", { stdout: PIPE });
  log("wait", await proc.wait());
  log("read", await proc.stdout!.read());
}
