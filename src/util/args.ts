/**
 * Arguments a function does not take, and options it does not have. asyncio
 * raises TypeError for both ("Event.wait() takes 1 positional argument but 2
 * were given", "wait() got an unexpected keyword argument 'timout'"), while
 * JavaScript drops them without a word, and what was meant silently does not
 * happen: `event.wait(5)` waits for ever rather than 5 s, `wait(tasks,
 * { timout: 5 })` has no timeout, `createTask(body, "worker")` names nothing.
 *
 * A public function takes the argument it should not get as a hidden last
 * parameter (its overload signature does not show it) and asks extraArgument
 * about it only when it is not undefined: a read of a parameter, free on the
 * hot path, where `arguments.length` would make V8's interpreter build an
 * arguments object on every call (a cost cold runs would see).
 */
import { showTyped } from "./showValue.js";

/**
 * @internal The TypeError for an argument after the last one `what` takes.
 * `takes` says what it does take ("no arguments", "one argument, the delay");
 * `hint` (after a semicolon) what to write instead.
 */
export function extraArgument(what: string, takes: string, extra: unknown, hint?: string): TypeError {
  return new TypeError(`${what} takes ${takes} (got an extra argument: ${showTyped(extra)})${hint === undefined ? "" : `; ${hint}`}`);
}

/**
 * @internal The TypeError for an argument given to a method that waits and
 * takes none (or only `takes`): asyncio's have no timeout, so say how to put one on.
 */
export function noTimeout(call: string, extra: unknown, takes = "no arguments", example = call.replace(/^[A-Z]\w*/, (c) => c[0]!.toLowerCase() + c.slice(1))): TypeError {
  const hint = `asyncio's ${call} has no timeout: for one, waitFor(${example}, seconds) or asyncWith(timeout(seconds), ...)`;
  return extraArgument(call.replace(/\(.*\)$/, "()"), takes, extra, hint);
}

/**
 * @internal An options argument: omitted, or an object whose names are all
 * among `names` (TypeError otherwise, naming the value or the option).
 */
export function checkOptions(what: string, options: unknown, names: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${what}: options must be an object with ${names.join(", ")} or omitted (got ${showTyped(options)})`);
  }
  checkOptionNames(what, options, names);
}

/**
 * @internal Refuses option names `what` does not have (a misspelt option
 * would otherwise be ignored): TypeError naming the option and the ones there are.
 */
export function checkOptionNames(what: string, options: object, names: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) {
      throw new TypeError(`${what}: unknown option ${JSON.stringify(key)} (the options are ${names.join(", ")})`);
    }
  }
}
