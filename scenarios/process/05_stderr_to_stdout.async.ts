import { createSubprocessExec, PIPE, STDOUT, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "stderr=STDOUT",
  description: "stderr=STDOUT merges the child's stderr into its stdout pipe.",
};

export async function main() {
  const script = "echo out; echo err >&2";
  processes().register(["sh", "-c", script], { stdout: "out\n", stderr: "err\n" });
  const proc = await createSubprocessExec("sh", "-c", script, { stdout: PIPE, stderr: STDOUT });
  log("stderr stream", proc.stderr);
  const [out, err] = await proc.communicate();
  log("stdout", out);
  log("stderr", err);
  log("returncode", proc.returncode);
}
