import { createSubprocessExec, FileNotFoundError, OSError } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "program not found",
  description: "An unknown program: FileNotFoundError, errno 2, with the program's name.",
};

export function* main() {
  try {
    yield* createSubprocessExec("no-such-program-vloop", "arg");
  } catch (e) {
    if (!(e instanceof FileNotFoundError)) throw e;
    log("FileNotFoundError", e.errno, e);
    log("is OSError", e instanceof OSError);
  }
}
