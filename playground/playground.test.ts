/**
 * The playground in a real browser: headless Chromium (Debian's chromium,
 * driven by playwright-core; .ci/run installs it) loads the built page from a
 * local static server and walks a learner's path. What the page should show
 * is computed here, in Node, by vloop itself (runScenario, `vloop step`,
 * explore), never written down by hand. Screenshots of the main states go to
 * playground/screenshots/ (not committed).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScenario, styleOf } from "../src/scenario/runScenario.js";
import { explore } from "../src/explore/explore.js";
import { recordFrames } from "../src/scenario/recordFrames.js";
// @ts-expect-error: a plain JavaScript module (the build script's)
import { collectExamples } from "./examples.mjs";
import { shareLink } from "./shareLink.js";
import { LINK_PAGES, docLinks } from "./docLinks.js";
import { decodeShare } from "./src/share.js";

interface Example {
  group: string;
  title: string;
  file: string;
  code: string;
  exportName: string;
  kind: "scenario" | "script";
}
const examples = collectExamples() as Example[];
const root = resolve(import.meta.dirname, "..");
const dist = join(root, "playground/dist");
const shots = join(root, "playground/screenshots");

let server: Server;
let browser: Browser;
let base = "";

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, "playground/build.mjs")], { cwd: root, stdio: "pipe" });
  mkdirSync(shots, { recursive: true });
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split(/[?#]/)[0];
    const file = join(dist, path === "/" ? "index.html" : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  expect(existsSync("/usr/bin/chromium"), "Debian's chromium must be installed (.ci/run installs it)").toBe(true);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface PageState {
  shown: number;
  busy: boolean;
  frameIndex: number;
  setProgram(text: string): void;
}
const state = (page: Page, expr: string) => page.evaluate(`window.__playground.${expr}`);

/** Opens the page and waits for its first run (the factorial example, or a shared link's program). */
async function open(url = base, options: { width?: number; height?: number; dark?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 720 }, colorScheme: options.dark ? "dark" : "light" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __playground?: PageState }).__playground?.shown === 1, undefined, { timeout: 30_000 });
  return page;
}

/** Does `act`, then waits until the page has shown one more run (or failure) and is idle. */
async function andWait(page: Page, act: () => Promise<unknown>, count = 1): Promise<void> {
  const before = (await state(page, "shown")) as number;
  await act();
  await page.waitForFunction(
    (n) => {
      const p = (window as unknown as { __playground: PageState }).__playground;
      return p.shown >= n && !p.busy;
    },
    before + count,
    { timeout: 30_000 },
  );
}

const outputLines = async (page: Page) => (await page.locator("#output > div").allInnerTexts()).filter((l) => !l.startsWith("error: "));
const errorLine = async (page: Page) => (await page.locator("#output > div.error").allInnerTexts())[0];

async function setProgram(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => (window as unknown as { __playground: PageState }).__playground.setProgram(t), text);
}

/** Focus on the page, outside the editor, so plain keys step. */
async function focusPage(page: Page): Promise<void> {
  await page.locator("#position").click();
}

describe("the playground in headless Chromium", () => {
  test("each example runs and prints what `vloop run` prints for it", async () => {
    const page = await open();
    await page.screenshot({ path: join(shots, "factorial.png") });
    for (const [k, ex] of examples.entries()) {
      await andWait(page, () => page.selectOption("#examples", String(k)));
      if (ex.kind === "script") {
        // a script runs itself: what node prints for it
        const expected = execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), ex.file], { cwd: root, encoding: "utf8" });
        expect(await page.locator("#console").innerText(), ex.file).toBe(expected.trimEnd());
        // its first run() is recorded: iterations to step through, and the lines printed in them
        const r = (await state(page, "current")) as { frames: { lines: string[] }[] };
        if (/\brun(Sync)?\(/.test(ex.code)) expect(r.frames.length, ex.file).toBeGreaterThan(1);
        else expect(await page.locator("#status").innerText(), ex.file).toBe("ran as a script (no exported function): it called no run(); finished");
        expect(r.frames.flatMap((f) => f.lines).every((l) => expected.includes(l)), ex.file).toBe(true);
        continue;
      }
      const mod = (await import(pathToFileURL(join(root, ex.file)).href)) as Record<string, (...a: unknown[]) => unknown>;
      const main = mod[ex.exportName];
      let error: unknown;
      const lines = await runScenario(main as never, styleOf(main), { maxSteps: 1_000_000, onRaise: (e) => (error = e), onDeadlock: (e) => (error = e) }).catch((e: unknown) => {
        error = e;
        return [] as string[];
      });
      expect(await outputLines(page), ex.file).toEqual(lines);
      if (error === undefined) expect(await errorLine(page), ex.file).toBeUndefined();
      else expect((await errorLine(page)).split("\n")[0], ex.file).toBe(`error: ${(error as Error).name}: ${(error as Error).message.split("\n")[0]}`);
    }
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  }, 180_000);

  test("stepping the factorial example shows, at each iteration k, the ready queue and timer heap of `vloop step`'s frame k; the timeline scrubs", async () => {
    const file = "scenarios/core/03_factorial_gather.async.ts";
    const cli = execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/cli/vloop.ts"), "step", file], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // vloop step's frames, as it prints them when not interactive
    const frames = cli.split(/^vloop step .*$/m).slice(1).map((text) => {
      const section = (head: string, next: string) => {
        const from = text.indexOf(head);
        const body = text.slice(text.indexOf("\n", from) + 1, text.indexOf(next, from));
        return body.split("\n").filter((l) => l.startsWith("  ")).map((l) => l.trim().replace(/\s+/g, " "));
      };
      return {
        iteration: Number(/iteration (\d+)/.exec(text)?.[1]),
        time: /t=(\S+)/.exec(text)?.[1],
        ready: section("ready queue", "timer heap"),
        timers: section("timer heap", "printed in this iteration"),
      };
    });
    expect(frames.length).toBeGreaterThan(5);
    const page = await open();
    await andWait(page, () => page.selectOption("#examples", String(examples.findIndex((e) => e.file === file))));
    await focusPage(page);
    await page.keyboard.press("Home");
    for (const [k, frame] of frames.entries()) {
      expect(await state(page, "frameIndex")).toBe(k);
      expect(await page.locator("#position").innerText()).toBe(`iteration ${frame.iteration} · frame ${k + 1}/${frames.length}`);
      expect(await page.locator("#clock").innerText()).toBe(`t=${frame.time}`);
      expect(await page.locator("#ready li").allInnerTexts(), `frame ${k}`).toEqual(frame.ready);
      expect((await page.locator("#heap-sorted li").allInnerTexts()).map((l) => l.replace(/\s+/g, " ")), `frame ${k}`).toEqual(frame.timers);
      expect(await page.locator("#heap-array li").count()).toBe(frame.timers.length); // no timer is cancelled in this program
      // the README's picture (docs/pictures/playground.png): the last frame with timers in the heap
      if (k === frames.length - 1 - [...frames].reverse().findIndex((f) => f.timers.length > 0)) await page.screenshot({ path: join(shots, "stepping.png") });
      await page.keyboard.press("ArrowRight");
    }
    // back one, continue to the next time advance, and the ends
    await page.keyboard.press("End");
    expect(await state(page, "frameIndex")).toBe(frames.length - 1);
    await page.keyboard.press("ArrowLeft");
    expect(await state(page, "frameIndex")).toBe(frames.length - 2);
    // Alt+key steps from inside the editor too (and Alt+← does not leave the page)
    await page.locator(".cm-content").click();
    await page.keyboard.press("Alt+ArrowLeft");
    expect(await state(page, "frameIndex")).toBe(frames.length - 3);
    await page.keyboard.press("Alt+End");
    expect(await state(page, "frameIndex")).toBe(frames.length - 1);
    expect(page.url()).toBe(base);
    await focusPage(page);
    await page.keyboard.press("Home");
    await page.keyboard.press("c");
    const firstLater = frames.findIndex((f) => f.time !== frames[0].time);
    expect(await state(page, "frameIndex")).toBe(firstLater);
    // the tasks panel: at the first frame at t=1, Task-2..4 wait on sleep(1) or are woken; main waits on gather
    expect(await page.locator("#tasks tr").count()).toBe(4);
    // the scrubber: a click on a column goes to its iteration
    const columns = ((await state(page, "current")) as { columns: { i: number; x: number; w: number }[] }).columns;
    const target = columns[Math.floor(columns.length / 2)];
    const at = await page.evaluate((c) => {
      const svg = document.querySelector("#timeline svg") as SVGSVGElement;
      const ctm = svg.getScreenCTM() as DOMMatrix;
      const p = new DOMPoint(c.x + c.w / 2, 150).matrixTransform(ctm);
      return { x: p.x, y: p.y };
    }, target);
    await page.locator("#timeline").scrollIntoViewIfNeeded();
    const at2 = await page.evaluate((c) => {
      const svg = document.querySelector("#timeline svg") as SVGSVGElement;
      const p = new DOMPoint(c.x + c.w / 2, 150).matrixTransform(svg.getScreenCTM() as DOMMatrix);
      return { x: p.x, y: p.y };
    }, target);
    expect(at.x).toBeCloseTo(at2.x, 0);
    await page.mouse.click(at2.x, at2.y);
    expect(await page.locator("#position").innerText()).toMatch(new RegExp(`^iteration ${target.i} `));
  }, 120_000);

  test("Explore finds the lost-update race; its re-run fails the same way; flipping its decision back passes; the shared link restores program, tape and iteration", async () => {
    const ex = examples.find((e) => e.file === "scenarios/races/lost_update.ts") as Example;
    const mod = (await import(pathToFileURL(join(root, ex.file)).href)) as Record<string, () => Generator<unknown, unknown, unknown>>;
    const expected = await explore(mod.buggy, { strategy: "dfs", runs: 1000, seed: "0" });
    expect(expected.failed).toBe(true);
    const page = await open();
    await andWait(page, () => page.selectOption("#examples", String(examples.indexOf(ex))));
    expect(await page.locator("#strategy").inputValue()).toBe("dfs"); // the race's own strategy
    await page.locator("#explore-panel summary").click();
    await andWait(page, () => page.locator("#explore").click());
    const error = `${(expected.error as Error).name}: ${(expected.error as Error).message}`;
    expect(await page.locator("#report").innerText()).toContain(`shrunk tape: ${JSON.stringify(expected.shrunkTape)}`);
    expect(await page.locator("#report").innerText()).toContain(expected.report?.split("\n")[1] as string);
    expect(await page.locator("#tape").inputValue()).toBe(expected.shrunkTape);
    expect(await page.locator("#status").innerText()).toContain(`replayed with the shrunk tape ${JSON.stringify(expected.shrunkTape)}: ${error}`);
    // it opens at the decision that left CPython's order, marked on the timeline
    expect(await page.locator("#deviations").innerText()).toContain("▲ left CPython's order here: decision");
    expect(await page.locator("#timeline .deviation-mark").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "explore.png"), fullPage: true });
    await focusPage(page);
    await page.keyboard.press("End");
    expect((await errorLine(page)).split("\n")[0]).toBe(`error: ${error}`);

    // the shared link, at a frame in the middle
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const lines = await outputLines(page);
    const position = await page.locator("#position").innerText();
    await page.keyboard.press("s");
    const link = await page.locator("#share-link").inputValue();
    expect(link).toMatch(/#v1=/);
    const other = await open(link);
    expect(await state(other, "program")).toBe(ex.code);
    expect(await other.locator("#tape").inputValue()).toBe(expected.shrunkTape);
    expect(await other.locator("#entry").inputValue()).toBe("buggy");
    expect(await other.locator("#position").innerText()).toBe(position);
    expect(await outputLines(other)).toEqual(lines);
    await other.close();
    // a link made by shareLink (what the docs use) opens the same way
    const iteration = Number(/^iteration (\d+) /.exec(position)?.[1]);
    const fromDocs = await open(shareLink(ex.code, { tape: expected.shrunkTape, iteration, exportName: "buggy", base }));
    expect(await fromDocs.locator("#position").innerText()).toBe(position);
    expect(await outputLines(fromDocs)).toEqual(lines);
    await fromDocs.close();

    // open the decision that left CPython's order, pick CPython's choice: the run passes
    const deviating = page.locator("#decisions details.deviates").first();
    await deviating.locator("summary").click();
    await andWait(page, () => deviating.locator("button[data-alternative='0']").click());
    expect(await page.locator("#tape").inputValue()).toBe("");
    expect(await errorLine(page)).toBeUndefined();

    // random and PCT explore in the worker too, run for run as explore() in Node
    for (const strategy of ["random", "pct"] as const) {
      const inNode = await explore(mod.buggy, { strategy, runs: 300, seed: "7" });
      await page.selectOption("#strategy", strategy);
      await page.fill("#runs", "300");
      await page.fill("#seed", "7");
      await andWait(page, () => page.locator("#explore").click(), inNode.failed ? 1 : 0);
      await page.waitForFunction(() => !(window as unknown as { __playground: PageState }).__playground.busy);
      const report = await page.locator("#report").innerText();
      if (inNode.failed) {
        expect(report, strategy).toContain(`failing run found by ${strategy} after ${inNode.runs} run`);
        expect(report, strategy).toContain(`shrunk tape: ${JSON.stringify(inNode.shrunkTape)}`);
      } else expect(report, strategy).toBe(`no failure in ${inNode.runs} runs`);
      expect(await page.locator("#progress").evaluate((p: HTMLProgressElement) => p.value)).toBe(inNode.runs);
    }
  }, 120_000);

  test("every playground link of the teaching pages opens its program, prints what the program prints in Node, and lands on its iteration", async () => {
    const links = LINK_PAGES.flatMap((p) => docLinks(p, readFileSync(join(root, p), "utf8")));
    expect(links.length).toBeGreaterThan(10);
    const scratch = join(root, ".scratch/doc-links");
    mkdirSync(scratch, { recursive: true });
    let page: Page | null = null;
    for (const [k, link] of links.entries()) {
      const where = `${link.page}:${link.line}`;
      const hash = new URL(link.url as string).hash;
      const shared = decodeShare(hash);
      if (shared === null) throw new Error(`${where}: the link has no hash`);
      // the same program in Node: the link's own text, loaded as a module, recorded as `vloop step` records it
      const file = join(scratch, `link${k}.ts`);
      writeFileSync(file, shared.program);
      const mod = (await import(pathToFileURL(file).href)) as Record<string, () => Generator<unknown, unknown, unknown>>;
      const inNode = await recordFrames(mod[shared.exportName ?? "main"], { maxSteps: 1_000_000, ...(shared.tape !== undefined ? { tape: shared.tape } : {}) });
      // one page for every link: each opens in it as a reader's click would (the hash changes, the page runs it)
      const url = `${base}${hash}`;
      if (page === null) page = await open(url);
      else {
        const p = page;
        await andWait(p, () => p.goto(url));
      }
      expect(await state(page, "program"), where).toBe(shared.program);
      expect(await page.locator("#tape").inputValue(), where).toBe(shared.tape ?? "");
      expect(await page.locator("#entry").inputValue(), where).toBe(shared.exportName ?? "main");
      if (shared.iteration !== undefined) {
        // the linked iteration, as Node's frames have it: its ready queue, and the output up to it
        const at = inNode.frames.findIndex((f) => f.iteration === shared.iteration);
        expect(at, `${where}: the run has an iteration ${shared.iteration}`).toBeGreaterThanOrEqual(0);
        expect(await page.locator("#position").innerText(), where).toBe(`iteration ${shared.iteration} · frame ${at + 1}/${inNode.frames.length}`);
        expect(await page.locator("#ready li").allInnerTexts(), where).toEqual(inNode.frames[at].ready);
        expect(await outputLines(page), where).toEqual(inNode.frames.slice(0, at + 1).flatMap((f) => f.lines));
        await page.locator("#last").click();
      }
      // run to the end: what the program prints in Node, and its error if it raised one
      expect(await outputLines(page), where).toEqual(inNode.lines);
      const error = inNode.error as Error | undefined;
      if (error === undefined) expect(await errorLine(page), where).toBeUndefined();
      else expect((await errorLine(page)).split("\n")[0], where).toBe(`error: ${error.name}: ${error.message.split("\n")[0]}`);
    }
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page?.close();
  }, 120_000);

  test("an endless loop is stopped with the time-limit message, and the page still runs programs; a livelock meets the step budget", async () => {
    const page = await open(`${base}?limit=1500`);
    await setProgram(page, 'import { log } from "vloop";\n\nexport async function main() {\n  log("spinning");\n  while (true) {}\n}\n');
    await andWait(page, () => page.locator("#run").click());
    expect(await page.locator("#status").innerText()).toMatch(/^stopped after 1\.5 s: the program did not finish in time/);
    await page.screenshot({ path: join(shots, "time-limit.png") });
    await andWait(page, () => page.selectOption("#examples", "0"));
    expect(await page.locator("#status").innerText()).toMatch(/finished$/);
    // a loop that awaits is a livelock: vloop's step budget ends it, as under `vloop run` (given the time: a million steps)
    await page.close();
    const patient = await open(`${base}?limit=60000`);
    await setProgram(patient, 'import { sleep } from "vloop";\n\nexport async function main() {\n  while (true) await sleep(0);\n}\n');
    await andWait(patient, () => patient.locator("#run").click());
    expect(await patient.locator("#status").innerText()).toMatch(/^20000 iterations shown \(the first ones; \d+ more were not kept\); ended with StepBudgetExceeded: step budget exceeded: ran 1000000 handles/);
  }, 60_000);

  test("a syntax error shows the error with its line, marked in the editor; so does a runtime error", async () => {
    const page = await open();
    await setProgram(page, 'import { sleep } from "vloop";\n\nexport async function main() {\n  await sleep(1;\n}\n');
    await andWait(page, () => page.keyboard.press("Control+Enter"));
    expect(await page.locator("#status").innerText()).toBe('SyntaxError: Unexpected token, expected "," (program.ts, line 4, column 16)'); // the ";" where ")" should be
    expect(await page.locator(".cm-error-line").innerText()).toBe("  await sleep(1;");
    await page.screenshot({ path: join(shots, "syntax-error.png") });
    await setProgram(page, 'import { sleep } from "vloop";\n\nexport async function main() {\n  await sleep(1);\n  throw new RangeError("too far");\n}\n');
    await andWait(page, () => page.locator("#run").click());
    expect(await errorLine(page)).toMatch(/^error: RangeError: too far\n\s+at main \(program\.ts:5:\d+\)/);
    expect(await page.locator(".cm-error-line").innerText()).toBe('  throw new RangeError("too far");');
  }, 60_000);

  test("at a phone's width and in the dark colour scheme (screenshots)", async () => {
    const phone = await open(base, { width: 390, height: 844 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(shots, "phone.png"), fullPage: true });
    const dark = await open(base, { dark: true });
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(13, 17, 23)");
    await dark.screenshot({ path: join(shots, "dark.png") });
  }, 60_000);
});
