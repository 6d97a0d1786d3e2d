import { createSubprocessExec, gather, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "two children",
  description: "Two children at once: gathered communicate() calls.",
};

export function* main() {
  processes().register(["echo", "a"], { stdout: "a\n" });
  processes().register(["echo", "b"], { stdout: "b\n" });
  function* one(word: string) {
    const proc = yield* createSubprocessExec("echo", word, { stdout: PIPE });
    const [out] = yield* proc.communicate();
    log("got", out);
    return out;
  }
  log("results", yield* gather(one("a"), one("b")));
}
