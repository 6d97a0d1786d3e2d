import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "stdin write, close",
  description: "Writing to the child's stdin, closing it, then reading its stdout to EOF.",
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
  const stdin = proc.stdin!;
  stdin.write(b("first\n"));
  yield* stdin.drain();
  log("first line back", yield* proc.stdout!.readline());
  stdin.write(b("second\n"));
  stdin.close();
  yield* stdin.waitClosed();
  log("rest", yield* proc.stdout!.read());
  log("wait", yield* proc.wait());
}
