import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() before reading a full pipe: deadlock",
  description: "The asyncio docs' warning: wait() before reading a child's large output deadlocks.",
};

export async function main() {
  processes().register("python3", { stdout: new Uint8Array(300000).fill(0x78) });
  const code = "import sys; sys.stdout.buffer.write(b'x' * 300000)";
  const proc = await createSubprocessExec("python3", "-c", code, { stdout: PIPE });
  log("waiting before reading");
  const rc = await proc.wait();
  log("never here", rc);
}
