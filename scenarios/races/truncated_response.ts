/**
 * A server shut down with a response half written: the shutdown cancels
 * every connection handler, and a handler's finally block closes its
 * connection, so a client that gets the length line of a reply and not the
 * body reads a truncated frame (IncompleteReadError).
 */
import { type StreamReader, type StreamWriter, type Task, currentTask, network, openConnection, sleep, startServer } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a shutdown that cuts a response in half",
  bug: "the server answers `get report` with a length line at once and the body 0.4 s later (read from disk); at t=1.5 it shuts down by cancelling every handler, whose finally block closes the connection. The client connects and asks a second later; when the connect or the request is slow, the request arrives after t=1.1, the shutdown falls between the length line and the body, and the client reads a truncated frame.",
  fix: "the shutdown stops accepting (`server.close()`) and waits for the connections to finish (`server.waitClosed()`): each handler writes its whole response and closes its connection itself.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  network: true,
  throws: { name: "IncompleteReadError", message: /^\d+ bytes read on a total of \d+ expected bytes$/ },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

function* reportServer(fixed: boolean): Generator<unknown, void, unknown> {
  const handlers = new Set<Task<unknown>>();
  function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
    handlers.add(currentTask() as Task<unknown>);
    try {
      yield* reader.readline(); // "get report"
      const body = enc("all systems go\n");
      writer.write(enc(`${body.length}\n`));
      yield* sleep(0.4); // read the body from disk
      writer.write(body);
      yield* writer.drain();
    } finally {
      writer.close();
      handlers.delete(currentTask() as Task<unknown>);
    }
  }
  const server = yield* startServer(handle, "0.0.0.0", 8080);
  yield* sleep(1.5); // a deploy: shut down
  server.close();
  if (fixed) yield* server.waitClosed(); // let every response finish
  else for (const task of handlers) task.cancel(); // drop what is in progress
}

function* client(fixed: boolean): Generator<unknown, void, unknown> {
  const net = network();
  net.host("api", () => reportServer(fixed));
  net.link("main", "api", { latency: [0.001, 0.2] });
  yield* sleep(0.01); // the server starts listening
  const [reader, writer] = yield* openConnection("api", 8080);
  yield* sleep(1); // a second later, well before the deploy, the client asks for the report
  writer.write(enc("get report\n"));
  const length = Number(dec(yield* reader.readuntil(enc("\n")))); // a frame: its length, then its body
  const body = yield* reader.readexactly(length);
  writer.close();
  if (dec(body) !== "all systems go") throw new Error(`got ${JSON.stringify(dec(body))}`);
}

export const buggy = () => client(false);
export const fixed = () => client(true);
