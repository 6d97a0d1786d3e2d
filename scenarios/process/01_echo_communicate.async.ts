import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "echo, communicate",
  description: "echo's output read with communicate(): (stdout, stderr) and the return code.",
};

export async function main() {
  processes().register(["echo", "hello", "world"], { stdout: "hello world\n" });
  const proc = await createSubprocessExec("echo", "hello", "world", { stdout: PIPE });
  log("returncode before", proc.returncode);
  const [out, err] = await proc.communicate();
  log("stdout", out);
  log("stderr", err);
  log("returncode", proc.returncode);
  return proc.returncode;
}
