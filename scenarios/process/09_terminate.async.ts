import { createSubprocessExec, PIPE, ProcessLookupError, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "terminate",
  description: "terminate() sends SIGTERM: returncode -15; send_signal after exit raises ProcessLookupError.",
};

export async function main() {
  processes().register("cat", async function ({ stdin, stdout }) {
    for (;;) {
      const data = await stdin.read(65536);
      if (data.length === 0) return 0;
      stdout.write(data);
      await stdout.drain();
    }
  });
  const proc = await createSubprocessExec("cat", { stdin: PIPE });
  proc.terminate();
  log("wait", await proc.wait());
  try {
    proc.sendSignal(15);
  } catch (e) {
    if (!(e instanceof ProcessLookupError)) throw e;
    log("send_signal again: ProcessLookupError", `${e.name}()`);
  }
  try {
    proc.terminate();
  } catch (e) {
    if (!(e instanceof ProcessLookupError)) throw e;
    log("terminate again: ProcessLookupError", `${e.name}()`);
  }
}
