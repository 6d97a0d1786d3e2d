import { createSubprocessExec, createSubprocessShell, FileNotFoundError, log, PIPE, processes } from "vloop";

export function* main() {
  // the programs this run may start: no real process is ever started
  processes().register(["git", "--version"], { stdout: "git version 2.43.0\n" });
  processes().register("sort", function* ({ stdin, stdout }) {
    const lines = new TextDecoder().decode(yield* stdin.read()).split("\n").filter((l) => l !== "");
    stdout.write(new TextEncoder().encode(lines.sort().map((l) => l + "\n").join("")));
    return 0;
  });
  processes().register("exit", { returncode: 3 }); // a shell command is found by its first word

  // a program's output, read with communicate()
  let proc = yield* createSubprocessExec("git", "--version", { stdout: PIPE });
  const [version] = yield* proc.communicate();
  log("git says", new TextDecoder().decode(version!).split(" ")[0], "returncode", proc.returncode);

  // a filter: input on stdin, output on stdout
  proc = yield* createSubprocessExec("sort", { stdin: PIPE, stdout: PIPE });
  const [sorted] = yield* proc.communicate(new TextEncoder().encode("pear\napple\nfig\n"));
  log("sorted", sorted);

  // a shell command's exit status
  proc = yield* createSubprocessShell("exit 3");
  log("exit status", yield* proc.wait());

  // a program that is not there
  try {
    yield* createSubprocessExec("no-such-tool");
  } catch (e) {
    if (!(e instanceof FileNotFoundError)) throw e;
    log("FileNotFoundError:", e);
  }
}
