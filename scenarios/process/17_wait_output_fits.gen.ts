import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "wait() before reading, output that fits",
  description: "wait() before reading works while the output fits in the stream's buffer (twice its limit).",
};

export function* main() {
  processes().register("python3", { stdout: new Uint8Array(131072).fill(0x78) });
  const code = "import sys; sys.stdout.buffer.write(b'x' * 131072)";
  const proc = yield* createSubprocessExec("python3", "-c", code, { stdout: PIPE });
  const rc = yield* proc.wait();
  log("wait", rc);
  const data = yield* proc.stdout!.read();
  log("read", data.length);
}
