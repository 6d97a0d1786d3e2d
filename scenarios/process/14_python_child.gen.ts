import { createSubprocessExec, PIPE, processes } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "a Python child",
  description: "A Python child: reads stdin, answers on stdout and stderr, exits with a code.",
};

export function* main() {
  // The child's program, simulated: read stdin, print it upper-cased, "done" to stderr, exit len(input).
  processes().register("python3", function* ({ stdin, stdout, stderr }) {
    const data = yield* stdin.read();
    stdout.write(b(String.fromCharCode(...data).toUpperCase()));
    stderr.write(b("done\n"));
    return data.length;
  });
  const code = "import sys; d = sys.stdin.read(); print(d.upper(), end=''); print('done', file=sys.stderr); sys.exit(len(d))";
  const proc = yield* createSubprocessExec("python3", "-c", code, { stdin: PIPE, stdout: PIPE, stderr: PIPE });
  const [out, err] = yield* proc.communicate(b("abc"));
  log("stdout", out, "stderr", err, "returncode", proc.returncode);
}
