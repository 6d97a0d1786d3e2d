/**
 * A connection pool that hands out a connection the server has already
 * closed: the server drops connections idle for 1 s (keep-alive), the
 * client's pool keeps them for 1 s too, and a request sent just before the
 * server's timeout crosses the server's FIN on a slow link.
 */
import { ConnectionResetError, type StreamReader, type StreamWriter, TimeoutError, getRunningLoop, network, openConnection, sleep, startServer, waitFor } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a pooled connection the server already closed",
  bug: "the server closes a connection idle for 1 s; the client's pool keeps them for 1 s too, and the second request comes 0.95 s after the first answer. On a perfect network the second request arrives in time; when the first answer or the second request is slow, the request reaches a server that has just closed the connection, and the client reads EOF instead of an answer.",
  fix: "the pool drops a connection whose reader is at EOF before handing it out, and a request on a reused connection that gets EOF before any answer is sent again once on a fresh connection (safe here: the server never read it).",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  network: true,
  throws: { name: "Error", message: /^server closed the connection before answering "get b"$/ },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

function* kvServer(): Generator<unknown, void, unknown> {
  const data = new Map([["a", "1"], ["b", "2"]]);
  function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
    for (;;) {
      let line: string;
      try {
        line = dec(yield* waitFor(reader.readline(), 1.0)); // keep-alive: 1 s
      } catch (e) {
        if (e instanceof TimeoutError) break; // idle too long: close
        throw e;
      }
      if (line === "") break;
      writer.write(enc(`${data.get(line.split(" ")[1]) ?? ""}\n`));
    }
    writer.close();
  }
  yield* startServer(handle, "0.0.0.0", 6379);
}

type Conn = { reader: StreamReader; writer: StreamWriter; idleSince: number };

function* app(fixed: boolean): Generator<unknown, void, unknown> {
  const net = network();
  net.host("kv", kvServer);
  net.link("main", "kv", { latency: [0.001, 0.05] });
  yield* sleep(0.01); // the server starts listening
  const loop = getRunningLoop();

  const pool: Conn[] = [];
  function* acquire(): Generator<unknown, [Conn, boolean], unknown> {
    for (;;) {
      const conn = pool.pop();
      if (conn === undefined) break;
      if (loop.time() - conn.idleSince >= 1.0) conn.writer.close(); // idle as long as the server allows: drop it
      else if (fixed && conn.reader.atEof()) conn.writer.close(); // the server closed it already
      else return [conn, true];
    }
    const [reader, writer] = yield* openConnection("kv", 6379);
    return [{ reader, writer, idleSince: 0 }, false];
  }

  function* get(key: string): Generator<unknown, string, unknown> {
    for (;;) {
      const [conn, reused] = yield* acquire();
      conn.writer.write(enc(`get ${key}\n`));
      let line: Uint8Array = new Uint8Array(0);
      try {
        line = yield* conn.reader.readline();
      } catch (e) {
        if (!(e instanceof ConnectionResetError)) throw e; // a reset is as good as EOF here
      }
      if (line.length === 0) {
        conn.writer.close();
        if (fixed && reused) continue; // it never reached a live server: try a fresh connection
        throw new Error(`server closed the connection before answering "get ${key}"`);
      }
      conn.idleSince = loop.time();
      pool.push(conn);
      return dec(line);
    }
  }

  const a = yield* get("a");
  yield* sleep(0.95); // the next request comes just inside the pool's keep-alive
  const b = yield* get("b");
  if (a !== "1" || b !== "2") throw new Error(`got a=${a} b=${b}`);
}

export const buggy = () => app(false);
export const fixed = () => app(true);
