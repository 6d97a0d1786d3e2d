import { createSubprocessExec, DEVNULL, processes } from "../../src/index.js";
import { log, pyRepr } from "../harness.js";

export const meta = {
  title: "DEVNULL",
  description: "DEVNULL: no streams at all; communicate() returns (None, None).",
};

export async function main() {
  processes().register(["echo", "gone"], { stdout: "gone\n" });
  const proc = await createSubprocessExec("echo", "gone", { stdin: DEVNULL, stdout: DEVNULL, stderr: DEVNULL });
  log("streams", proc.stdin, proc.stdout, proc.stderr);
  const [out, err] = await proc.communicate();
  log("communicate", `(${pyRepr(out)}, ${pyRepr(err)})`);
  log("returncode", proc.returncode);
}
