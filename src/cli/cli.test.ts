/**
 * The `vloop` command line, run as a user runs it: a child process of
 * bin/vloop.mjs. `vloop step` is driven through tmux (send-keys, capture-pane).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "bin", "vloop.mjs");
const fixture = (name: string) => join(root, "src", "cli", "fixtures", name);

function vloop(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
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
