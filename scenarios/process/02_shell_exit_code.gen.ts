import { createSubprocessShell, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "shell exit code",
  description: "A shell command's exit status is the return code of wait().",
};

export function* main() {
  processes().register("exit", { returncode: 3 }); // the shell's builtin, as the command's first word
  const proc = yield* createSubprocessShell("exit 3");
  const rc = yield* proc.wait();
  log("wait returned", rc);
  log("returncode", proc.returncode);
  log("wait again", yield* proc.wait());
  return rc;
}
