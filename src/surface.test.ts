/**
 * The public surface: every name that ../shared/asyncio-surface.d.ts
 * declares is exported by src/index.ts (or, for the exploration tools,
 * src/testing.ts), as the kind it declares. Tools outside the project drive
 * vloop through exactly these names.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import * as vloop from "./index.js";
import type * as Types from "./index.js";
import * as testing from "./testing.js";
import type * as TestingTypes from "./testing.js";

const here = dirname(fileURLToPath(import.meta.url));
const surfaceFile = join(here, "..", "..", "shared", "asyncio-surface.d.ts");

/** The values the surface declared when this test was written (used when ../shared is absent). */
const DECLARED_VALUES = [
  "run", "runSync", "getRunningLoop", "Future", "Task", "createTask", "currentTask", "allTasks", "sleep", "gather",
  "shield", "waitFor", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait", "Lock", "Event", "Semaphore",
  "Queue", "CancelledError", "TimeoutError", "InvalidStateError", "QueueEmpty", "QueueFull", "DeadlockError",
  "explore", "replay",
];
const TESTING = new Set(["explore", "replay"]);

function declaredValues(): string[] {
  if (!existsSync(surfaceFile)) return DECLARED_VALUES;
  const text = readFileSync(surfaceFile, "utf8");
  return [...new Set([...text.matchAll(/export declare (?:function|class|const) ([A-Za-z_]+)/g)].map((m) => m[1]))];
}

describe("the asyncio surface", () => {
  test("the surface file and this test agree on the names", () => {
    expect(declaredValues().sort()).toEqual([...DECLARED_VALUES].sort());
  });

  test.each(DECLARED_VALUES)("%s is exported", (name) => {
    const module = (TESTING.has(name) ? testing : vloop) as Record<string, unknown>;
    expect(module[name], name).toBeDefined();
  });

  test("constants, classes and error names are as declared", () => {
    expect(vloop.FIRST_COMPLETED).toBe("FIRST_COMPLETED");
    expect(vloop.FIRST_EXCEPTION).toBe("FIRST_EXCEPTION");
    expect(vloop.ALL_COMPLETED).toBe("ALL_COMPLETED");
    for (const E of [vloop.CancelledError, vloop.TimeoutError, vloop.InvalidStateError, vloop.QueueEmpty, vloop.QueueFull, vloop.DeadlockError]) {
      expect(new E("x").name).toBe(E.name);
      expect(new E("x")).toBeInstanceOf(Error);
    }
    expect(vloop.Task.prototype).toBeInstanceOf(vloop.Future);
  });

  test("the declared types exist (checked by tsc)", () => {
    // Each alias below fails to compile if the type is not exported.
    type Declared = [
      Types.Coroutine<number>,
      Types.Awaitable<number>,
      Types.AwaitableLike<number>,
      Types.LoopOptions,
      Types.Handle,
      Types.TimerHandle,
      Types.EventLoop,
      Types.GatherOptions,
      TestingTypes.ExploreOptions,
      TestingTypes.ExploreResult,
    ];
    const count: Declared["length"] = 10;
    expect(count).toBe(10);
  });
});
