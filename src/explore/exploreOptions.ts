/**
 * The checks of explore()'s arguments, made before the first run. A bad
 * option must never look like a verdict on the program: `runs: NaN` would
 * otherwise explore nothing and report "no failure", and `maxSteps: 0` would
 * make every run fail and blame the program for it. So each option is named
 * with its rule and the value seen: a TypeError for a value of the wrong
 * type, a UsageError for a number out of range.
 */
import { UsageError } from "../errors.js";
import { isAsyncGeneratorFunction } from "../futures/coroutineInput.js";
import { showTyped, showValue } from "../util/showValue.js";
import { checkOptionNames } from "../util/args.js";

/** A whole number >= min (or Infinity when `infinite`), else the error naming `name`. */
function checkWhole(what: string, name: string, value: unknown, min: number, infinite = false): void {
  if (value === undefined) return;
  if (typeof value !== "number") throw new TypeError(`${what}: ${name} must be a number (got ${showTyped(value)})`);
  if (!((Number.isSafeInteger(value) && value >= min) || (infinite && value === Infinity))) {
    throw new UsageError(`${what}: ${name} must be a whole number >= ${min}${infinite ? ", or Infinity" : ""} (got ${showTyped(value)})`);
  }
}

function checkBoolean(what: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") throw new TypeError(`${what}: ${name} must be true or false (got ${showTyped(value)})`);
}

/** ExploreOptions' names: a misspelt one would otherwise be ignored (`{ run: 100 }` exploring 1,000 runs). */
const EXPLORE_OPTIONS = [
  "strategy", "runs", "from", "seed", "depth", "maxDeviations", "maxSteps", "jitter",
  "selfCheck", "shrink", "shard", "swarm", "onRun", "onProgress",
] as const;

/**
 * @internal Checks explore()'s program and options (see ExploreOptions for
 * what each means). Strategy and shard keep their own messages in explore().
 */
export function checkExploreArguments(program: unknown, options: unknown): void {
  const what = "explore";
  if (typeof program !== "function" || isAsyncGeneratorFunction(program as Function)) {
    throw new TypeError(
      `${what}: the program must be a function returning a fresh main coroutine, e.g. explore(() => main()) or explore(main) (got ${showValue(program)})`,
    );
  }
  if (options === null || typeof options !== "object") throw new TypeError(`${what}: options must be an object or omitted (got ${showValue(options)})`);
  checkOptionNames(what, options, EXPLORE_OPTIONS);
  const o = options as Record<string, unknown>;
  checkWhole(what, "runs", o.runs, 1, true);
  checkWhole(what, "from", o.from, 0);
  const last = ((o.from as number | undefined) ?? 0) + ((o.runs as number | undefined) ?? 1000);
  if (Number.isFinite(last) && !Number.isSafeInteger(last)) {
    // past 2^53, i++ no longer moves: the last runs would repeat one index forever
    throw new UsageError(`${what}: from + runs must be at most ${Number.MAX_SAFE_INTEGER} (got ${showTyped(o.from)} + ${showTyped(o.runs ?? 1000)})`);
  }
  checkWhole(what, "depth", o.depth, 1);
  checkWhole(what, "maxDeviations", o.maxDeviations, 0);
  checkWhole(what, "maxSteps", o.maxSteps, 1, true);
  const seed = o.seed;
  if (seed !== undefined && typeof seed !== "string" && !(typeof seed === "number" && Number.isFinite(seed))) {
    throw new TypeError(`${what}: seed must be a string or a finite number (got ${showTyped(seed)})`);
  }
  const jitter = o.jitter;
  if (jitter !== undefined && (typeof jitter !== "number" || !Number.isFinite(jitter) || jitter < 0)) {
    throw new TypeError(`${what}: jitter must be a finite number of seconds >= 0 (got ${showTyped(jitter)})`);
  }
  checkBoolean(what, "selfCheck", o.selfCheck);
  checkBoolean(what, "shrink", o.shrink);
  checkBoolean(what, "swarm", o.swarm);
  for (const hook of ["onProgress", "onRun"] as const) {
    if (o[hook] !== undefined && typeof o[hook] !== "function") {
      throw new TypeError(`${what}: ${hook} must be a function (got ${showValue(o[hook])})`);
    }
  }
  const shard = o.shard;
  if (shard !== undefined) {
    const s = shard as { index?: unknown; count?: unknown } | null;
    const index = s?.index;
    const count = s?.count;
    if (typeof shard !== "object" || shard === null || !Number.isSafeInteger(index) || !Number.isSafeInteger(count)) {
      throw new UsageError(`${what}: shard must be { index, count } with whole numbers 0 <= index < count (got ${showValue(shard)})`);
    }
  }
}
