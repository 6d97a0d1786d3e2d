/**
 * Errors the loop raises itself carry no JavaScript stack (errors.withoutStack):
 * their frames would be the loop's, and capturing them cost half of a short
 * explored run. Errors a program makes keep theirs.
 */
import { describe, expect, test } from "vitest";
import { CancelledError, createTask, run, sleep } from "./index.js";

describe("stacks", () => {
  test("a cancellation's CancelledError is its first line only; a program's own keeps its frames; the stack limit is restored", async () => {
    const limit = Error.stackTraceLimit;
    const got = await run(function* () {
      const t = createTask(sleep(10));
      yield* sleep(0);
      t.cancel("enough");
      try {
        yield* t;
        return null;
      } catch (e) {
        return e as Error;
      }
    });
    expect(got).toBeInstanceOf(CancelledError);
    expect(got!.stack).toBe("CancelledError: enough");
    expect(Error.stackTraceLimit).toBe(limit);
    const own = new CancelledError("mine");
    expect(own.stack?.split("\n").length).toBeGreaterThan(1);
  });
});
