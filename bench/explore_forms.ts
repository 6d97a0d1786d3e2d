/**
 * explore_forms: the lost-update program's schedules per second in the form users
 * write it (workers as closures inside the program) beside the bench's top-level
 * form and fast-check's drivers, all in one process, under whatever TypeScript
 * loader runs this file. bench/explore.ts copies it (with explore_forms_main.ts,
 * explore_forms.vitest.ts and workloads/explore_lost_update.ts) into a user's
 * project where "vloop" is the installed package (see userProject there), and runs
 * it three ways, one row per loader (see exploreLoaders there):
 *
 *   node --expose-gc --import tsx bench/explore_forms_main.ts     # tsx: esbuild with keepNames
 *   node --expose-gc bench/explore_forms.mjs                      # esbuild bundle, no keepNames
 *   vitest run --config vitest.config.mjs                         # vitest's own transform
 *
 * Run here instead (`node --expose-gc --import tsx bench/explore_forms_main.ts`),
 * "vloop" is src/ compiled by the same loader (tsconfig.json's paths).
 *
 * Each side runs batches of BATCH schedules: warm-up batches until one is no more
 * than 5% faster than the one before (at most 5), then N timed batches (default 3,
 * `--runs N`), the sides taking turns; best of N by wall time and by CPU time.
 * Prints one JSON line (or, under vitest, writes it to $VLOOP_FORMS_OUT).
 */
import fc from "fast-check";
import { explore } from "vloop/testing";
import {
  asyncProgram,
  checkBatch,
  closureAsyncProgram,
  closureGeneratorProgram,
  compiledWithKeepNames,
  type FcDriver,
  fastCheckProperty,
  generatorProgram,
  newSink,
  type Sink,
} from "./workloads/explore_lost_update.js";

export const BATCH = 4000;
const WARMUP_GAIN = 0.05;
const MAX_WARMUPS = 5;

interface FormSide {
  id: string;
  label: string;
  batch(runs: number, seed: number): Promise<void>;
}

function vloopForm(form: "top-level" | "closure", style: "generator" | "async"): FormSide {
  const make: (sink: Sink) => () => unknown =
    form === "top-level"
      ? style === "generator" ? generatorProgram : asyncProgram
      : style === "generator" ? closureGeneratorProgram : closureAsyncProgram;
  return {
    id: `vloop_${form}_${style}`,
    label: `vloop ${style}, ${form} workers`,
    async batch(runs, seed) {
      const sink = newSink();
      const r = await explore(make(sink) as () => Generator<unknown, void, unknown>, {
        strategy: "random",
        runs,
        shrink: false,
        seed,
      });
      if (r.failed || r.runs !== runs) throw new Error(`vloop ${form} ${style}: explore failed or stopped early`);
      checkBatch(sink, runs, `vloop ${form} ${style}`);
    },
  };
}

function fastCheckForm(driver: FcDriver): FormSide {
  return {
    id: `fastcheck_${driver}`,
    label: `fast-check fc.scheduler(), ${driver}`,
    async batch(runs, seed) {
      const sink = newSink();
      await fc.assert(fc.asyncProperty(fc.scheduler(), fastCheckProperty(sink, driver)), { numRuns: runs, seed });
      checkBatch(sink, runs, `fast-check ${driver}`);
    },
  };
}

export interface FormResult {
  id: string;
  label: string;
  schedulesPerSecond: number;
  cpuSchedulesPerSecond: number;
  /** wall and CPU seconds of each timed batch */
  runs: number[];
  cpuRuns: number[];
  warmups: number[];
}

export interface FormsReport {
  loader: string;
  keepNames: boolean;
  batch: number;
  sides: FormResult[];
}

async function timeBatch(side: FormSide, seed: number): Promise<[number, number]> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await side.batch(BATCH, seed);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [seconds, (c.user + c.system) / 1e6];
}

/** Measures every side in this process (see the module comment). */
export async function measureForms(loader: string, timedRuns: number): Promise<FormsReport> {
  const sides: FormSide[] = [
    vloopForm("top-level", "generator"),
    vloopForm("closure", "generator"),
    vloopForm("top-level", "async"),
    vloopForm("closure", "async"),
    fastCheckForm("waitAll"),
    fastCheckForm("waitIdle"),
    fastCheckForm("waitFor"),
  ];
  let seed = 1;
  const warmups = new Map<string, number[]>();
  for (const side of sides) {
    const w: number[] = [];
    while (w.length < MAX_WARMUPS) {
      const [s] = await timeBatch(side, seed++);
      const previous = w[w.length - 1];
      w.push(s);
      if (previous !== undefined && s > previous * (1 - WARMUP_GAIN)) break;
    }
    warmups.set(side.id, w);
  }
  const wall = new Map<string, number[]>(sides.map((s) => [s.id, []]));
  const cpu = new Map<string, number[]>(sides.map((s) => [s.id, []]));
  for (let r = 0; r < timedRuns; r++) {
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(r + j) % sides.length]!;
      const [s, c] = await timeBatch(side, 1000 + r);
      wall.get(side.id)!.push(s);
      cpu.get(side.id)!.push(c);
    }
  }
  return {
    loader,
    keepNames: compiledWithKeepNames(),
    batch: BATCH,
    sides: sides.map((side) => ({
      id: side.id,
      label: side.label,
      schedulesPerSecond: BATCH / Math.min(...wall.get(side.id)!),
      cpuSchedulesPerSecond: BATCH / Math.min(...cpu.get(side.id)!),
      runs: wall.get(side.id)!,
      cpuRuns: cpu.get(side.id)!,
      warmups: warmups.get(side.id)!,
    })),
  };
}

/** `node [--import tsx] explore_forms.(ts|mjs) --loader NAME [--runs N]`: prints the report as one JSON line. */
export async function formsMain(argv: string[]): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const report = await measureForms(opt("--loader") ?? "unknown", Math.max(1, Number(opt("--runs") ?? 3)));
  process.stdout.write(JSON.stringify(report) + "\n");
}
