/**
 * Scenario files: a TypeScript module that exports `main` (a generator
 * function or an async function) and optionally `meta` ({ title,
 * description }). runScenario runs one the way vloop's CPython recorder runs
 * its Python twin: the main task is named "main", awaits `main` inline and
 * finally logs "result <v>" or "raised <ErrorName>"; then asyncio.run's
 * shutdown; a deadlock ends the output with "<t> - deadlock".
 */
import { currentTask } from "../asyncio/tasks.js";
import { DeadlockError } from "../errors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { type LoopOptions, run, runSync } from "../run.js";
import { GenCoroutine } from "../futures/coroutine.js";
import { isAsyncGeneratorFunction, isAsyncIterator, notCoroutineHint } from "../futures/coroutineInput.js";
import { showValue } from "../util/showValue.js";
import { log } from "./log.js";
import { fmtTime, show } from "../util/pyformat.js";

export type GenMain = () => Generator<unknown, unknown, unknown>;
export type AsyncMain = () => PromiseLike<unknown>;
/** "gen": a generator main under run(); "sync": under runSync(); "async": an async main under run(). */
export type Style = "gen" | "async" | "sync";

export interface ScenarioMeta {
  title?: string;
  description?: string;
}

export interface ScenarioModule {
  main: GenMain | AsyncMain;
  meta?: ScenarioMeta;
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

/** What one runScenario call knows of its main (one per call: several scenarios may run at once). */
interface MainState {
  onRaise: ((e: unknown) => void) | undefined;
  /** what main raised (after its "raised" line) */
  raised: { error: unknown } | undefined;
}

/**
 * main raised: print the recorder's "raised" line, then let the main task end
 * as main did (traces draw it raising); runScenario expects this error.
 */
function mainRaised(state: MainState, e: unknown): unknown {
  log("raised", errorName(e));
  state.raised = { error: e };
  state.onRaise?.(e);
  return e;
}

function* wrapGen(main: GenMain, state: MainState): Generator<unknown, void, unknown> {
  currentTask()?.setName("main");
  let result: unknown;
  try {
    result = yield* main();
  } catch (e) {
    throw mainRaised(state, e);
  }
  log("result", show(result));
}

async function wrapAsync(main: AsyncMain, state: MainState): Promise<void> {
  currentTask()?.setName("main");
  let result: unknown;
  try {
    // a plain function may return a generator (a scenario written as () => gen()):
    // drive it inline, as the generator style would
    const made: unknown = main();
    if (made !== null && typeof made === "object" && isAsyncIterator(made)) {
      throw new TypeError(`a scenario's main returned ${showValue(made)}${notCoroutineHint(made)}`);
    }
    // as createTask(() => 1) refuses it: a plain function's value is not a coroutine
    const isObject = made !== null && (typeof made === "object" || typeof made === "function");
    if (!isObject || (typeof (made as PromiseLike<unknown>).then !== "function" && typeof (made as Iterator<unknown>).next !== "function")) {
      throw new TypeError(`a scenario's main returned ${showValue(made)}; expected a generator (function*) or a promise (async function)`);
    }
    result =
      made !== null && typeof made === "object" && typeof (made as Iterator<unknown>).next === "function"
        ? await new GenCoroutine(() => made as Iterator<unknown>, "main")
        : await (made as PromiseLike<unknown>);
  } catch (e) {
    throw mainRaised(state, e);
  }
  log("result", show(result));
}

/** The style a main function is written in. */
export function styleOf(main: unknown): "gen" | "async" {
  if (typeof main !== "function") throw new TypeError(`a scenario's main must be a function (got ${showValue(main)})`);
  if (isAsyncGeneratorFunction(main)) {
    throw new TypeError(`a scenario's main must be a generator function or an async function (got ${showValue(main)})${notCoroutineHint(main)}`);
  }
  return main.constructor.name === "GeneratorFunction" ? "gen" : "async";
}

/**
 * Runs a scenario's `main` and returns its output lines.
 * @example const lines = await runScenario(mod.main, "async");
 */
export async function runScenario(
  main: GenMain | AsyncMain,
  style: Style = styleOf(main),
  options: LoopOptions & { onLine?: (line: string) => void; onRaise?: (error: unknown) => void; onDeadlock?: (error: DeadlockError) => void } = {},
): Promise<string[]> {
  const lines: string[] = [];
  let loop: EventLoop | null = null;
  // the scenario's own hooks stay here: run() takes LoopOptions only (and refuses other names)
  const { onLine, onRaise, onDeadlock, ...loopOptions } = options;
  const opts: LoopOptions = {
    ...loopOptions,
    onLoop: (l) => {
      loop = l;
      loopOptions.onLoop?.(l);
    },
    onLog: (line) => {
      lines.push(line);
      onLine?.(line);
    },
  };
  const state: MainState = { onRaise, raised: undefined };
  try {
    if (style === "sync") runSync(() => wrapGen(main as GenMain, state), opts);
    else if (style === "gen") await run(() => wrapGen(main as GenMain, state), opts);
    else await run(() => wrapAsync(main as AsyncMain, state), opts);
  } catch (e) {
    // main's own error was printed as "raised ..." already, as the recorder does
    const fromMain = state.raised;
    if (fromMain !== undefined && e === fromMain.error) return lines;
    if (!(e instanceof DeadlockError)) throw e;
    onDeadlock?.(e);
    lines.push(`${fmtTime((loop as EventLoop | null)?.time() ?? 0)} - deadlock`);
  }
  return lines;
}

/** The lines as the recorder prints them (each ends with a newline). */
export function joinLines(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join("");
}
