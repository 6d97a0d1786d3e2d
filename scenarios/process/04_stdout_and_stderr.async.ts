import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "stdout and stderr",
  description: "A child writing to both pipes: communicate() returns each.",
};

export async function main() {
  const script = "echo out; echo err >&2; exit 1";
  processes().register(["sh", "-c", script], { stdout: "out\n", stderr: "err\n", returncode: 1 });
  const proc = await createSubprocessExec("sh", "-c", script, { stdout: PIPE, stderr: PIPE });
  const [out, err] = await proc.communicate();
  log("stdout", out);
  log("stderr", err);
  log("returncode", proc.returncode);
}
