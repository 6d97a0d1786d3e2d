/**
 * The `vloop` command line, run as a user runs it: a child process of
 * bin/vloop.mjs. `vloop step` is driven through tmux (send-keys, capture-pane).
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "bin", "vloop.mjs");
const fixture = (name: string) => join(root, "src", "cli", "fixtures", name);

/** vloop(...) in a child process that runs alongside others (shards on several "machines"). */
function vloopAsync(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

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
        // an SVG document in a terminal is a screenful of XML: it needs a file
        [["run", fixture("usedBeforeInit.ts"), "--trace", "svg"], /--trace svg: an SVG picture is written to a file, not to the terminal: add --out PATH \(e\.g\. --out run\.svg\)/],
        [["replay", fixture("usedBeforeInit.ts"), "--tape", "0:3", "--trace", "svg"], /--trace svg: .*add --out PATH/],
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

describe("vloop explore --json and vloop merge", () => {
  // a race the first runs miss: with these seeds the failing run is index 5 (random) and 8 (pct),
  // so the single process runs across every shard's indices before it fails
  const starvation = join(root, "scenarios/races/starvation.ts");
  const seeds: Record<string, string> = { random: "1", pct: "4" };
  const dir = mkdtempSync(join(tmpdir(), "vloop-merge-"));
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));

  for (const strategy of ["random", "pct"]) {
    test(`four shards run as four processes and merged report what one process reports (${strategy})`, async () => {
      const common = ["explore", starvation, "--export", "buggy", "--strategy", strategy, "--runs", "400", "--seed", seeds[strategy] as string];
      const whole = await vloopAsync(...common, "--json", join(dir, `${strategy}-whole.json`));
      const shards = await Promise.all([0, 1, 2, 3].map((i) => vloopAsync(...common, "--shard", `${i}/4`, "--json", join(dir, `${strategy}-${i}.json`))));
      expect(whole.code).toBe(1);
      for (const s of shards) expect([0, 1]).toContain(s.code);
      const merged = vloop("merge", ...[0, 1, 2, 3].map((i) => join(dir, `${strategy}-${i}.json`)), "--json", join(dir, `${strategy}-merged.json`));
      expect(merged.code).toBe(whole.code);
      expect(merged.stdout).toBe(whole.stdout);
      const [one, all] = [read(`${strategy}-whole.json`), read(`${strategy}-merged.json`)];
      expect(all.failure).toEqual(one.failure);
      expect(all.runs).toBe(one.runs);
      expect(all.shards).toEqual([0, 1, 2, 3]);
      expect(one.failure.runIndex).toBeGreaterThan(3);
      expect(one.runs).toBe(one.failure.runIndex + 1);
      expect(all.runsExecuted).toBeGreaterThan(3);
      expect(one).toMatchObject({ kind: "vloop-explore-result", version: 1, strategy, shards: [0], options: { runs: 400, seed: seeds[strategy] } });
      expect(one.failure.replay).toBe(`npx vloop replay ${starvation} --tape ${JSON.stringify(one.failure.shrunkTape)} --export buggy`);
    }, 120_000);
  }

  // dfs splits its tree, not the run indices: the failure (the second run of two deviations, 82nd of
  // the unsplit search) lies in shard 0's subtree while every shard fails somewhere of its own; with
  // --runs 50 the unsplit search stops before it; the fixed program is searched to the end (2,632 runs)
  for (const [name, exportName, runs] of [
    ["a failure deep in one part", "buggy", "3000"],
    ["a budget that ends before it", "buggy", "50"],
    ["an exhausted search", "fixed", "3000"],
  ] as const) {
    test(`dfs: four shards merged report what one process reports (${name})`, async () => {
      const philosophers = join(root, "scenarios/races/dining_philosophers.ts");
      const tag = `dfs-${exportName}-${runs}`;
      const common = ["explore", philosophers, "--export", exportName, "--strategy", "dfs", "--runs", runs];
      const whole = await vloopAsync(...common, "--json", join(dir, `${tag}-whole.json`));
      await Promise.all([0, 1, 2, 3].map((i) => vloopAsync(...common, "--shard", `${i}/4`, "--json", join(dir, `${tag}-${i}.json`))));
      const merged = vloop("merge", ...[0, 1, 2, 3].map((i) => join(dir, `${tag}-${i}.json`)), "--json", join(dir, `${tag}-merged.json`));
      expect(merged.stdout).toBe(whole.stdout);
      // and on two worker threads, each searching half of the tree
      const threads = await vloopAsync(...common, "--workers", "2");
      expect(threads.stdout).toBe(whole.stdout);
      expect(merged.code).toBe(whole.code);
      const [one, all] = [read(`${tag}-whole.json`), read(`${tag}-merged.json`)];
      expect(all.runs).toBe(one.runs);
      expect(all.failure).toEqual(one.failure);
      expect(all.exhausted).toBe(one.exhausted);
    }, 180_000);
  }

  test("merge refuses results of another program or other options, and the same shard twice", () => {
    const a = join(dir, "random-0.json");
    const other = JSON.parse(readFileSync(a, "utf8"));
    other.options.seed = "8";
    writeFileSync(join(dir, "other.json"), JSON.stringify(other));
    const r = vloop("merge", a, join(dir, "other.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/other\.json is not a shard of the same exploration/);
    const twice = vloop("merge", a, a);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shard 0\/4 is in both/);
    const bad = vloop("merge", join(dir, "nope.json"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/nope\.json: not a readable JSON file/);
  });
});

describe("the CI recipe of docs/finding-races.md (docs/ci/explore-shards.yml)", () => {
  test("its explore and merge commands, run as the matrix runs them, report what one process reports", async () => {
    const recipe = readFileSync(join(root, "docs/ci/explore-shards.yml"), "utf8");
    const runs = [...recipe.matchAll(/^\s+- run: (npx vloop .*)$/gm)].map((m) => m[1] as string);
    expect(runs).toHaveLength(2);
    const [exploreLine, mergeLine] = runs as [string, string];
    const work = mkdtempSync(join(tmpdir(), "vloop-ci-"));
    const env = { ...process.env, NO_COLOR: "1", PROGRAM: join(root, "scenarios/races/starvation.ts"), RUNS: "400", GITHUB_SHA: "1" };
    // the program's race is in its `buggy` export; the recipe explores `main`
    const asHere = (line: string) => line.replace(/^npx vloop/, `${process.execPath} ${bin}`).replace('"$PROGRAM"', '"$PROGRAM" --export buggy');
    const sh = (line: string) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile("bash", ["-c", line], { cwd: work, env, encoding: "utf8" }, (error, stdout) => resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout })),
      );
    const shards = await Promise.all([0, 1, 2, 3].map((i) => sh(asHere(exploreLine).replaceAll("${{ matrix.shard }}", String(i)))));
    for (const s of shards) expect(s.code).toBe(0); // `|| test $? -eq 1` keeps a shard that found the race green
    const merged = await sh(asHere(mergeLine));
    const whole = vloop("explore", env.PROGRAM, "--export", "buggy", "--runs", "400", "--seed", "1");
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stdout).toMatch(/replay it:\n  npx vloop replay .*starvation\.ts --tape "[^"]+" --export buggy\n$/);
    expect(JSON.parse(readFileSync(join(work, "explore.json"), "utf8")).shards).toEqual([0, 1, 2, 3]);
  }, 120_000);
});

describe("vloop explore --save-failures and replaySavedTape (vloop/vitest)", () => {
  test("a race found once is saved, fails on replay while the bug is there, and passes once it is fixed", async () => {
    const work = mkdtempSync(join(tmpdir(), "vloop-save-"));
    const source = readFileSync(fixture("usedBeforeInit.ts"), "utf8").replace('from "../../index.js"', `from ${JSON.stringify(join(root, "src/index.js"))}`);
    const program = join(work, "program.mts"); // .mts: ES module wherever it lies (no package.json says "type": "module" in a temp folder)
    writeFileSync(program, source);
    const r = vloop("explore", program, "--strategy", "dfs", "--save-failures", join(work, "tapes"));
    expect(r.code).toBe(1);
    const savedPath = /saved the tape: (.*\.tape\.json)\n/.exec(r.stdout)?.[1] as string;
    const saved = JSON.parse(readFileSync(savedPath, "utf8"));
    expect(saved).toEqual({
      kind: "vloop-tape",
      version: 1,
      program: { file: "../program.mts", export: "main" },
      tape: "0:3",
      jitter: null,
      maxSteps: null,
      error: "Error: used before init",
      found: { strategy: "dfs", seed: "0/3", runIndex: 3 },
    });
    const { replaySavedTape } = await import("../vitest.js");
    await expect(replaySavedTape(savedPath)).rejects.toThrow("used before init");
    // the fix: the consumer waits for the connection instead of assuming it. (In a folder of its
    // own, with the tape beside it as in the first: this process has the first program imported.)
    const fixed = join(work, "fixed");
    mkdirSync(join(fixed, "tapes"), { recursive: true });
    writeFileSync(join(fixed, "program.mts"), source.replace('if (state.conn === null) throw new Error("used before init");', "while (state.conn === null) yield* sleep(0);"));
    const fixedTape = join(fixed, "tapes", basename(savedPath));
    writeFileSync(fixedTape, readFileSync(savedPath));
    await expect(replaySavedTape(fixedTape)).resolves.toBeUndefined();
  }, 60_000);
});

describe("vloop step --tape", () => {
  test("steps through an explored failure: the deviating decision is marked in its frame, the main task is 'main' from the first frame", () => {
    const r = vloop("step", fixture("usedBeforeInit.ts"), "--tape", "0:3");
    expect(r.code).toBe(1);
    const frames = r.stdout.split(/\n(?=vloop step )/);
    expect(frames[0]).toMatch(/iteration 1\s+t=0[\s\S]*step main\n/);
    expect(frames[1]).toMatch(/iteration 2\s+t=0\n▲ left CPython's order here: decision 0 at t=0 \(iteration 2\): Task-5 stepped ahead of Task-2, Task-3, Task-4/);
    expect(frames[1]).toMatch(/ready queue \(runs now, in this order\): 5\n  step Task-5\n  step Task-2/);
    expect(frames.filter((f) => f.includes("▲"))).toHaveLength(1);
    expect(r.stdout).toMatch(/end of run: Error: used before init/);
    // run N of an exploration, rebuilt from its strategy and seed: explore --seed 1 fails at run 5 (seed "1/5")
    const starvation = join(root, "scenarios/races/starvation.ts");
    expect(vloop("explore", starvation, "--export", "buggy", "--seed", "1").stdout).toMatch(/\(seed "1\/5"\): Error: starved/);
    const run5 = vloop("step", starvation, "--export", "buggy", "--seed", "1", "--run", "5");
    expect(run5.code).toBe(1);
    expect(run5.stdout).toMatch(/▲ left CPython's order here/);
    expect(run5.stdout).toMatch(/end of run: Error: starved/);
    expect(vloop("step", starvation, "--export", "buggy", "--seed", "1", "--run", "4").code).toBe(0); // runs 0-4 passed
    expect(vloop("step", starvation, "--tape", "", "--run", "4").stderr).toMatch(/give --tape or --run, not both/);
    const cpython = vloop("step", fixture("usedBeforeInit.ts"));
    expect(cpython.code).toBe(0);
    expect(cpython.stdout).not.toMatch(/▲/);
  }, 60_000);
});

describe("vloop explore --swarm", () => {
  test("reports what the failing run drew, the same with --workers, and the replay hint reproduces it", () => {
    const race = join(root, "scenarios/races/orphan_gather.ts");
    const args = ["explore", race, "--export", "buggy", "--jitter", "0.05", "--swarm", "--seed", "11", "--runs", "2000"];
    const one = vloop(...args);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/failing run found by random \(swarm: depth 4, jitter 0\.05, faults x[\d.]+\) after 6 runs \(seed "11\/5"\)/);
    const two = vloop(...args, "--workers", "2");
    expect(/seed "([^"]+)"/.exec(two.stdout)?.[1]).toBe("11/5");
    const tape = JSON.parse(/--tape ("[^"]*")/.exec(one.stdout)?.[1] as string) as string;
    expect(tape).toMatch(/^jitter=0\.05;/);
    const again = vloop("replay", race, "--export", "buggy", "--tape", tape, "--trace", "none");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/orphan write/);
  }, 60_000);
});
