import { createSubprocessExec, PIPE, ProcessLookupError, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "kill",
  description: "kill() a child that waits for input: returncode -9; after it is reaped, ProcessLookupError.",
};

export function* main() {
  processes().register("cat", function* ({ stdin, stdout }) {
    for (;;) {
      const data = yield* stdin.read(65536);
      if (data.length === 0) return 0;
      stdout.write(data);
      yield* stdout.drain();
    }
  });
  const proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  log("returncode", proc.returncode);
  proc.kill();
  log("wait", yield* proc.wait());
  log("returncode", proc.returncode);
  try {
    proc.kill();
  } catch (e) {
    if (!(e instanceof ProcessLookupError)) throw e;
    log("kill again: ProcessLookupError", `${e.name}()`);
  }
}
