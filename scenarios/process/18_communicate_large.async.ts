import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "communicate() with a large output",
  description: "communicate() reads while waiting, so a large output is no problem.",
};

export async function main() {
  processes().register("python3", { stdout: new Uint8Array(300000).fill(0x78) });
  const code = "import sys; sys.stdout.buffer.write(b'x' * 300000)";
  const proc = await createSubprocessExec("python3", "-c", code, { stdout: PIPE });
  const [out] = await proc.communicate();
  log("communicate read", out!.length, "returncode", proc.returncode);
}
