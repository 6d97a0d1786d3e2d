import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "cat, communicate(input)",
  description: "cat echoes what communicate() feeds its stdin.",
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
  const [out, err] = yield* proc.communicate(b("one\ntwo\n"));
  log("stdout", out);
  log("stderr", err);
  log("returncode", proc.returncode);
}
