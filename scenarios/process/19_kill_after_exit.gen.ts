import { createSubprocessShell, ProcessLookupError, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "kill after exit",
  description: "kill() a child that has exited but whose exit the loop has not handled yet: nothing happens; after wait(), ProcessLookupError.",
};

export function* main() {
  processes().register("exit", { returncode: 5 });
  const proc = yield* createSubprocessShell("exit 5");
  log("returncode", proc.returncode);
  proc.kill();
  log("wait", yield* proc.wait());
  try {
    proc.kill();
  } catch (e) {
    if (!(e instanceof ProcessLookupError)) throw e;
    log("kill again: ProcessLookupError", `${e.name}()`);
  }
}
