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
import { Kernel } from "./kernel.js";

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
      '[Errno -2] Name or service not known (createConnection: the simulated network has only 127.0.0.1 and localhost until network().host() adds hosts, got "example.com")',
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

describe("the kernel", () => {
  test("after a reset, recv returns the bytes already received, then raises ECONNRESET, then EOF (as Linux)", () => {
    // CPython with real sockets printed: b'for a', ConnectionResetError 104, b''
    const kernel = new Kernel();
    const l = kernel.socket();
    l.bind(["127.0.0.1", 0]);
    l.listen();
    const a = kernel.socket();
    a.connect(["127.0.0.1", l.getsockname()[1]]);
    const [b] = l.accept();
    b.send(bytes("for a")); // a has unread bytes
    a.send(bytes("for b")); // b has unread bytes: closing it resets
    b.close();
    const got: string[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        got.push(bytesRepr(a.recv(100)));
      } catch (e) {
        got.push(`${(e as Error).name} ${(e as OSError).errno}`);
      }
    }
    expect(got).toEqual(["b'for a'", "ConnectionResetError 104", "b''"]);
  });
});

describe("ports", () => {
  test("a port already bound is asyncio's OSError 98, in its words", () => {
    let err: unknown;
    runSync(function* () {
      const server = yield* startServer(function* () {}, "127.0.0.1", 0);
      const port = server.sockets[0].getsockname()[1];
      try {
        yield* startServer(function* () {}, "127.0.0.1", port);
      } catch (e) {
        err = e;
      }
      server.close();
      (err as { port?: number }).port = port;
    });
    const port = (err as { port: number }).port;
    expect(err).toBeInstanceOf(OSError);
    expect((err as OSError).errno).toBe(98);
    expect((err as Error).message).toBe(`[Errno 98] error while attempting to bind on address ('127.0.0.1', ${port}): address already in use`);
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


describe("write flow control, with a bounded receive buffer", () => {
  // scenarios/net/05_flow_control_marks.py, with the server side's receive buffer
  // bounded to 4 KiB through the kernel's internals (CPython's twin sets
  // SO_RCVBUF/SO_SNDBUF on raw sockets, which vloop does not have yet): the
  // same lines as its recording, 05_flow_control_marks.out.
  const expected = ["0 main pause_writing True", "0 main after write", "1 - resume_writing True", "2 - sink got 262144", "3 main result null"];

  test("pause_writing inside the write that passes 64 KiB, resume_writing at 16 KiB or less", async () => {
    const { runScenario } = await import("../scenario/runScenario.js");
    const { log } = await import("../scenario/log.js");
    const { createConnection, createServer } = await import("./server.js");
    type T = import("./transport.js").SocketTransport;
    class WriterProto {
      transport: T | null = null;
      connectionMade(t: T) {
        this.transport = t;
      }
      dataReceived() {}
      eofReceived() {}
      connectionLost() {}
      pauseWriting() {
        log("pause_writing", (this.transport as T).getWriteBufferSize() > 65536);
      }
      resumeWriting() {
        log("resume_writing", (this.transport as T).getWriteBufferSize() <= 16384);
      }
    }
    class Sink {
      total = 0;
      connectionMade(t: T) {
        (t._sock as { _rcvbuf: number })._rcvbuf = 4096;
        t.pauseReading();
        getRunningLoop().callLater(1, () => t.resumeReading());
      }
      dataReceived(data: Uint8Array) {
        this.total += data.length;
      }
      eofReceived() {
        log("sink got", this.total);
      }
      connectionLost() {}
      pauseWriting() {}
      resumeWriting() {}
    }
    function* main() {
      const server = yield* createServer(() => new Sink(), "127.0.0.1", 0);
      const [transport] = yield* createConnection(() => new WriterProto(), "127.0.0.1", server.sockets[0].getsockname()[1]);
      // the server's connection_made ran an iteration before createConnection returned: its buffer is bounded
      transport.write(new Uint8Array(1 << 18).fill(0x79));
      log("after write");
      yield* sleep(2);
      transport.writeEof();
      yield* sleep(1);
      transport.close();
      server.close();
      yield* server.waitClosed();
    }
    for (const style of ["sync", "gen"] as const) expect(await runScenario(main, style)).toEqual(expected);
  });

  test("drain() waits while the protocol is paused and returns once the reader has read enough", () => {
    // CPython 3.12 printed the same facts (recorded 3 times over loopback, with
    // SO_RCVBUF/SO_SNDBUF of 4096 set before listen/connect and start_server(sock=),
    // open_connection(sock=): "buffered True", "drained at 1.0 buffered True",
    // "server read 262144 at 1.0", "client read 0"). Why: the kernel takes 4 KiB of the
    // 256 KiB write, so the transport buffers the rest, above the 64 KiB mark: drain()
    // waits. The handler starts reading at t=1; once the buffer is down to 16 KiB,
    // resume_writing wakes drain() at t=1, before the handler has read everything.
    const lines: string[] = [];
    runSync(function* () {
      const loop = getRunningLoop();
      const server = yield* startServer(function* (reader: StreamReader, writer: StreamWriter) {
        (writer.transport._sock as { _rcvbuf: number })._rcvbuf = 4096;
        yield* sleep(1);
        const all = yield* reader.read();
        lines.push(`server read ${all.length} at ${loop.time()}`);
        writer.close();
      }, "127.0.0.1", 0);
      const [reader, writer] = yield* openConnection("127.0.0.1", server.sockets[0].getsockname()[1]);
      writer.write(new Uint8Array(1 << 18));
      lines.push(`buffered ${writer.transport.getWriteBufferSize() > 65536}`);
      yield* writer.drain();
      lines.push(`drained at ${loop.time()}, buffered ${writer.transport.getWriteBufferSize() <= 16384}`);
      writer.writeEof(); // sent once the buffer is flushed: the handler's read() ends
      lines.push(`client read ${(yield* reader.read()).length}`); // the handler closed
      writer.close();
      yield* writer.waitClosed();
      server.close();
    });
    expect(lines).toEqual(["buffered true", "drained at 1, buffered true", "server read 262144 at 1", "client read 0"]);
  });
});
