import { createSubprocessExec, gather, PIPE, processes } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "two children",
  description: "Two children at once: gathered communicate() calls.",
};

export async function main() {
  processes().register(["echo", "a"], { stdout: "a\n" });
  processes().register(["echo", "b"], { stdout: "b\n" });
  async function one(word: string) {
    const proc = await createSubprocessExec("echo", word, { stdout: PIPE });
    const [out] = await proc.communicate();
    log("got", out);
    return out;
  }
  log("results", await gather(() => one("a"), () => one("b")));
}
