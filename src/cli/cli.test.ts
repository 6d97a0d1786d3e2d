/**
 * The `vloop` command line, run as a user runs it: a child process of
 * bin/vloop.mjs. `vloop step` is driven through tmux (send-keys, capture-pane).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "bin", "vloop.mjs");
const fixture = (name: string) => join(root, "src", "cli", "fixtures", name);

function vloop(...args: string[]): { code: number; stdout: string; stderr: string } {
  // the timeout: a command that hangs fails its test (status -1) instead of hanging the suite
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("vloop run", () => {
  test("prints CPython's lines for the factorial example, then a timeline", () => {
    const r = vloop("run", join(root, "scenarios/core/03_factorial_gather.gen.ts"));
    expect(r.code).toBe(0);
    const expected = readFileSync(join(root, "scenarios/core/03_factorial_gather.out"), "utf8");
    expect(r.stdout.startsWith(expected)).toBe(true);
    expect(r.stdout.slice(expected.length)).toMatch(/main/); // the timeline names the tasks
  }, 30_000);

  test("writes a Chrome trace that parses and has trace events", () => {
    const r = vloop("run", join(root, "scenarios/core/03_factorial_gather.async.ts"), "--trace", "chrome");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
    expect(Array.isArray(json.traceEvents)).toBe(true);
    expect(json.traceEvents.length).toBeGreaterThan(10);
  }, 30_000);

  test("an error in the user's file is reported with the file and line, and a non-zero exit", () => {
    const r = vloop("run", fixture("broken.ts"), "--trace", "none");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/raised RangeError/);
    expect(r.stderr).toMatch(/RangeError: broken on purpose\n\s+at .*broken\.ts:4:\d+/);
  }, 30_000);

  test("exceptions raised in callbacks are reported on stderr, as asyncio's default handler logs them", () => {
    const r = vloop("run", join(root, "scenarios/core/50_callback_raises.gen.ts"), "--trace", "none");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Exception in callback boom\nValueError: in a callback\n\s+at boom \(.*50_callback_raises\.gen\.ts:\d+:\d+\)/);
  }, 30_000);

  test("a missing file or export is a clear error", () => {
    expect(vloop("run", "nope.ts").stderr).toMatch(/nope\.ts: no such file/);
    const r = vloop("run", fixture("broken.ts"), "--export", "other");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected an exported function `other`.*it exports main/);
  }, 30_000);
});

describe("vloop explore and replay", () => {
  test("explore finds the heisenbug and prints the replay command; replay reproduces it", () => {
    const r = vloop("explore", fixture("usedBeforeInit.ts"), "--strategy", "dfs", "--runs", "200");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CPython order except 1 decision/);
    const cmd = /npx vloop replay (\S+) --tape ("[^"]*")/.exec(r.stdout);
    expect(cmd).not.toBeNull();
    const tape = JSON.parse((cmd as RegExpExecArray)[2]) as string;
    const again = vloop("replay", fixture("usedBeforeInit.ts"), "--tape", tape, "--trace", "none");
    expect(again.stderr).toMatch(/used before init/);
    expect(again.code).toBe(1);
    const cpython = vloop("replay", fixture("usedBeforeInit.ts"), "--tape", "", "--trace", "none");
    expect(cpython.code).toBe(0);
  }, 60_000);

  test("--self-check catches a program that uses Math.random", () => {
    const r = vloop("explore", fixture("flaky.ts"), "--self-check", "--runs", "5");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not deterministic: the program is not deterministic under vloop: seed 0\/0 gave trace/);
  }, 30_000);

  test("workers and shards agree on the failing run", () => {
    const one = vloop("explore", fixture("usedBeforeInit.ts"), "--strategy", "random", "--runs", "300", "--seed", "5");
    const two = vloop("explore", fixture("usedBeforeInit.ts"), "--strategy", "random", "--runs", "300", "--seed", "5", "--workers", "2");
    const seedOf = (s: string) => /seed "([^"]+)"/.exec(s)?.[1];
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(seedOf(two.stdout)).toBe(seedOf(one.stdout));
  }, 120_000);
});

function haveTmux(): boolean {
  try {
    execFileSync("tmux", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("vloop step", () => {
  test("steps through iterations when driven from tmux", async () => {
    expect(haveTmux(), "tmux must be installed (.ci/run installs it)").toBe(true);
    const session = `vloop-test-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
    const capture = () => tmux("capture-pane", "-p", "-t", session);
    const waitFor = async (re: RegExp): Promise<string> => {
      for (let i = 0; i < 100; i++) {
        const screen = capture();
        if (re.test(screen)) return screen;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${re}; screen:\n${capture()}`);
    };
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", `NO_COLOR=1 ${process.execPath} ${bin} step ${join(root, "scenarios/core/03_factorial_gather.gen.ts")}; sleep 5`);
    try {
      let screen = await waitFor(/iteration 1\s+t=0/);
      expect(screen).toMatch(/ready queue/);
      tmux("send-keys", "-t", session, "s");
      screen = await waitFor(/iteration 2\s+t=0/);
      expect(screen).toMatch(/step Task-2/);
      tmux("send-keys", "-t", session, "c");
      screen = await waitFor(/t=1\b/);
      expect(screen).toMatch(/timer heap/);
      tmux("send-keys", "-t", session, "q");
      await waitFor(/end of run/);
    } finally {
      try {
        tmux("kill-session", "-t", session);
      } catch {
        // already gone
      }
    }
  }, 60_000);
});

describe("exit statuses and usage errors (the table in docs/finding-races.md)", () => {
  const stuck = fixture("stuck.ts");

  test("0: a run that ends; --version", () => {
    const r = vloop("run", fixture("usedBeforeInit.ts"), "--trace", "none");
    expect(r.code).toBe(0);
    const version = vloop("--version");
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version}\n`);
    expect(version.code).toBe(0);
  }, 30_000);

  test("3: a deadlock, in run, replay and step, with the DeadlockError's report", () => {
    for (const args of [["run", stuck], ["replay", stuck, "--tape", ""], ["step", stuck]]) {
      const r = vloop(...args, ...(args[0] === "step" ? [] : ["--trace", "none"]));
      expect(r.code, args.join(" ")).toBe(3);
      // run and replay print the error on stderr; step ends its frames with it
      const report = args[0] === "step" ? r.stdout.slice(r.stdout.lastIndexOf("end of run")) : r.stderr;
      expect(report).toMatch(/DeadlockError: deadlock at t=1: no handle is ready and no timer is pending/);
      expect(report).toMatch(/Task-3: waits on/);
      expect(report).not.toMatch(/baseEventLoop/); // vloop's own frames are not the user's code
    }
  }, 60_000);

  test("4: a livelock ends at the step budget in seconds, in both styles, with --trace none too", () => {
    for (const [name, extra] of [["livelock", []], ["livelockAsync", []], ["livelock", ["--trace", "none"]]] as const) {
      const r = vloop("run", stuck, "--export", name, ...extra);
      expect(r.code, name).toBe(4);
      expect(r.stderr).toMatch(/StepBudgetExceeded: step budget exceeded: ran 1000000 handles by t=0/);
    }
    const small = vloop("replay", stuck, "--export", "livelock", "--tape", "", "--max-steps", "500", "--trace", "none");
    expect(small.code).toBe(4);
    expect(small.stderr).toMatch(/ran 500 handles/);
  }, 60_000);

  test("1: the program raised; the location shown is the user's line, not Array.map's or vloop's", () => {
    const r = vloop("run", fixture("broken.ts"), "--trace", "none");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/RangeError: broken on purpose\n\s+at .*broken\.ts:4:\d+/);
  }, 30_000);

  test("2: a tape the run never reached is refused, as replay() refuses it", () => {
    const r = vloop("replay", fixture("usedBeforeInit.ts"), "--tape", "99999:99999", "--trace", "none");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/never reached tape entries 99999:99999/);
  }, 30_000);

  test("2: every bad option value is a usage error naming the option, never a failure of the program", () => {
    const cases: [string[], RegExp][] = [
      [["explore", fixture("usedBeforeInit.ts"), "--jitter", "abc"], /--jitter must be a finite number of seconds >= 0 \(got "abc"\)/],
      [["explore", fixture("usedBeforeInit.ts"), "--jitter=-1"], /--jitter must be a finite number of seconds >= 0 \(got "-1"\)/],
      [["explore", fixture("usedBeforeInit.ts"), "--max-steps", "0"], /--max-steps must be a whole number >= 1 \(got "0"\)/],
      [["explore", fixture("usedBeforeInit.ts"), "--runs", "1.5"], /--runs must be a whole number >= 1 \(got "1.5"\)/],
      [["explore", fixture("usedBeforeInit.ts"), "--workers", "0"], /--workers must be a whole number >= 1 \(got "0"\)/],
      [["explore", fixture("usedBeforeInit.ts"), "--shard", "3/2"], /--shard 3\/2: need 0 <= i < n/],
      [["explore", fixture("usedBeforeInit.ts"), "--strategy", "bfs"], /--strategy must be one of random, pct, dfs, portfolio \(got "bfs"\)/],
      [["run", fixture("usedBeforeInit.ts"), "--trace", "png"], /--trace must be one of text, chrome, svg, none \(got "png"\)/],
      [["run", fixture("usedBeforeInit.ts"), "--bogus"], /vloop run: unknown option --bogus/],
      [["replay", fixture("usedBeforeInit.ts")], /vloop replay: --tape <tape> is required/],
      [["run"], /vloop run: missing FILE/],
      [["frobnicate"], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = vloop(...args);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
    }
  }, 120_000);

  test("1, not the program's own status: a program that calls process.exit fails with an error saying so, in run, explore and its workers", () => {
    const exits = fixture("exits.ts");
    for (const args of [["run", exits, "--trace", "none"], ["run", exits, "--export", "exitsSeven", "--trace", "none"], ["explore", exits, "--runs", "5"], ["explore", exits, "--export", "exitsSeven", "--runs", "5", "--workers", "2"]]) {
      const r = vloop(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stdout + r.stderr, args.join(" ")).toMatch(/ProcessExitCalled: the program called process\.exit\((0|7)\): a program run by vloop must not end the process/);
    }
  }, 120_000);

  test("1: a main that returns something other than a coroutine fails as asyncio.run(main()) does, instead of passing", () => {
    const r = vloop("run", fixture("notCoroutine.ts"), "--trace", "none");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TypeError: a scenario's main returned 1; expected a generator \(function\*\) or a promise \(async function\)/);
  }, 30_000);

  test("2, before any run: --out where no file can be written, a --shard past 2^53, a TypeScript ES module in a CommonJS package", () => {
    const dir = mkdtempSync(join(tmpdir(), "vloop-cli-"));
    try {
      const cases: [string[], RegExp][] = [
        [["run", fixture("usedBeforeInit.ts"), "--out", join(dir, "missing", "t.txt")], /--out .*t\.txt: cannot write the trace there \(the directory .*missing does not exist\)/],
        [["replay", fixture("usedBeforeInit.ts"), "--tape", "", "--out", dir], /--out .*: cannot write the trace there \(it is a directory\)/],
        [["explore", fixture("usedBeforeInit.ts"), "--shard", "1/99999999999999999999"], /--shard 1\/99999999999999999999: n must be at most 9007199254740991/],
      ];
      // no package.json around it: Node takes a .ts file there for CommonJS
      const esm = join(dir, "esm.ts");
      writeFileSync(esm, "export function* main() {}\n");
      cases.push([["run", esm, "--trace", "none"], /esm\.ts: could not load it: it is written as an ES module \(import\/export\), but its package is CommonJS.*Rename it to \.mts/]);
      for (const [args, message] of cases) {
        const r = vloop(...args);
        expect(r.stderr, args.join(" ")).toMatch(message);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stdout, args.join(" ")).toBe(""); // refused before the run printed anything
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test("--self-check with --workers reports a nondeterministic program as such", () => {
    const r = vloop("explore", fixture("flaky.ts"), "--self-check", "--runs", "20", "--workers", "2");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not deterministic: the program is not deterministic under vloop/);
  }, 60_000);

  test("--workers above the machine's parallelism is capped, with a note", () => {
    const r = vloop("explore", fixture("usedBeforeInit.ts"), "--runs", "100", "--workers", "1000");
    expect(r.stderr).toMatch(/--workers 1000 is more than this machine runs at once: using \d+/);
    expect(r.code).toBe(1); // the race is found all the same
  }, 60_000);
});
