/**
 * The simulated network beside the loop: what the scenarios in
 * scenarios/net do not show (they pin CPython's lines and iterations).
 */
import { describe, expect, test } from "vitest";
import { DeadlockError, GaiError, OSError } from "../errors.js";
import { sleep } from "../asyncio/sleep.js";
import { getRunningLoop } from "../asyncio/tasks.js";
import type { EventLoop } from "../futures/eventLoop.js";
import { runSync } from "../run.js";
import { openConnection, startServer } from "./server.js";
import type { StreamReader, StreamWriter } from "./streams.js";
import { bytesRepr } from "../util/pyformat.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("hosts", () => {
  test("an unknown host is a gaierror that says which hosts there are", () => {
    const err = (() => {
      try {
        runSync(function* () {
          yield* openConnection("example.com", 80);
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(GaiError);
    expect(err).toBeInstanceOf(OSError);
    expect((err as GaiError).name).toBe("gaierror");
    expect((err as GaiError).errno).toBe(-2);
    expect((err as Error).message).toBe(
      '[Errno -2] Name or service not known (createConnection: the simulated network has only 127.0.0.1 and localhost, got "example.com")',
    );
  });

  test("a port that is not 0-65535 is a TypeError that names it", () => {
    expect(() =>
      runSync(function* () {
        yield* openConnection("127.0.0.1", 70000);
      }),
    ).toThrow("createConnection: port must be a whole number 0-65535 (got 70000)");
  });
});

describe("the IO phase and the clock", () => {
  test("long sleeps still jump over idle iterations while a server listens and a connection is open", () => {
    // Nothing is ready and no IO is pending while main sleeps: every iteration
    // of the sleep is idle, so the loop counts them instead of running them.
    let loop: EventLoop | null = null;
    let before = 0;
    let after = 0;
    const got = runSync(
      function* () {
        const server = yield* startServer(function* (reader: StreamReader, writer: StreamWriter) {
          writer.write(yield* reader.readline());
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* openConnection("127.0.0.1", server.sockets[0].getsockname()[1]);
        before = getRunningLoop()._iteration;
        yield* sleep(1e12);
        after = getRunningLoop()._iteration;
        writer.write(bytes("after a long sleep\n"));
        const line = yield* reader.readline();
        writer.close();
        server.close();
        return line;
      },
      { onLoop: (l) => (loop = l) },
    );
    expect(bytesRepr(got)).toBe("b'after a long sleep\\n'");
    expect((loop as EventLoop | null)?.time()).toBe(1e12); // the reply took no virtual time
    // the same count of iterations as the sleep alone, without a network
    let alone = 0;
    runSync(function* () {
      const start = getRunningLoop()._iteration;
      yield* sleep(1e12);
      alone = getRunningLoop()._iteration - start;
    });
    expect(after - before).toBe(alone);
    expect(alone).toBe(Math.ceil(1e12 / 86400) + 1); // a select() per day (MAXIMUM_SELECT_TIMEOUT), then the step
  });

  test("a read that nothing will ever answer ends the run in a DeadlockError, not a hang", () => {
    expect(() =>
      runSync(function* () {
        const server = yield* startServer(function* () {}, "127.0.0.1", 0);
        const [reader] = yield* openConnection("127.0.0.1", server.sockets[0].getsockname()[1]);
        yield* reader.read(10);
      }),
    ).toThrow(DeadlockError);
  });
});

