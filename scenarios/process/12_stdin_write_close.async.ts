import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "stdin write, close",
  description: "Writing to the child's stdin, closing it, then reading its stdout to EOF.",
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
  const proc = await createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  const stdin = proc.stdin!;
  stdin.write(b("first\n"));
  await stdin.drain();
  log("first line back", await proc.stdout!.readline());
  stdin.write(b("second\n"));
  stdin.close();
  await stdin.waitClosed();
  log("rest", await proc.stdout!.read());
  log("wait", await proc.wait());
}
