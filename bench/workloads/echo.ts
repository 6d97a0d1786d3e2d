/**
 * echo: one server, CLIENTS clients, each doing ROUNDS request/reply round trips
 * of a small line over streams (issue #11 item 10).
 *
 * The server's handler reads a line and writes it back (write + drain) until
 * EOF, then closes. Each client opens a connection, and ROUNDS times writes a
 * line (write + drain) and reads the reply (readline), checking it is its own
 * line; then it closes and waits until closed. main starts the server, gathers
 * the clients, closes the server and waits until it is closed.
 *
 * Events: one per round trip, CLIENTS x ROUNDS per run. What it stresses: the
 * network path on a perfect network: StreamWriter.write into the transport and
 * the simulated kernel's send, the epoll-like ready list and the loop's IO
 * phase, the transport's recv and data_received, StreamReader's buffer and its
 * waiter, and the task switches between. vloop runs it on the simulated
 * network; CPython (bench/cpython/echo.py) over real loopback sockets.
 *
 * Mirrors bench/cpython/echo.py line for line.
 */
import { createTask, gather, getRunningLoop, openConnection, run, runSync, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import type { Facts, ThroughputWorkload } from "./types.js";

export const CLIENTS = 10;
export const ROUNDS = 2_000;
export const EVENTS = CLIENTS * ROUNDS;

/** The request of client i: "ping <i>\n" (each reply is checked against it). */
function request(i: number): Uint8Array {
  return new TextEncoder().encode(`ping ${i}\n`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function check(counts: number[]): Facts {
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length !== CLIENTS || total !== EVENTS) throw new Error(`echo: ${total} round trips by ${counts.length} clients, expected ${EVENTS} by ${CLIENTS}`);
  return { endTime: getRunningLoop().time() };
}

function badReply(i: number, reply: Uint8Array): Error {
  return new Error(`echo: client ${i} got ${JSON.stringify(new TextDecoder().decode(reply))} back`);
}

// --- generator style -------------------------------------------------------

function* handleGen(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) break;
    writer.write(line);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
}

function* clientGen(port: number, i: number): Generator<unknown, number, unknown> {
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  const line = request(i);
  for (let k = 0; k < ROUNDS; k++) {
    writer.write(line);
    yield* writer.drain();
    const reply = yield* reader.readline();
    if (!sameBytes(reply, line)) throw badReply(i, reply);
  }
  writer.close();
  yield* writer.waitClosed();
  return ROUNDS;
}

export function* mainGen(): Generator<unknown, Facts, unknown> {
  const server = yield* startServer(handleGen, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) clients.push(createTask(clientGen(port, i)));
  const counts: number[] = yield* gather(...clients);
  server.close();
  yield* server.waitClosed();
  return check(counts);
}

// --- async style -----------------------------------------------------------

async function handleAsync(reader: StreamReader, writer: StreamWriter): Promise<void> {
  for (;;) {
    const line = await reader.readline();
    if (line.length === 0) break;
    writer.write(line);
    await writer.drain();
  }
  writer.close();
  await writer.waitClosed();
}

async function clientAsync(port: number, i: number): Promise<number> {
  const [reader, writer] = await openConnection("127.0.0.1", port);
  const line = request(i);
  for (let k = 0; k < ROUNDS; k++) {
    writer.write(line);
    await writer.drain();
    const reply = await reader.readline();
    if (!sameBytes(reply, line)) throw badReply(i, reply);
  }
  writer.close();
  await writer.waitClosed();
  return ROUNDS;
}

export async function mainAsync(): Promise<Facts> {
  const server = await startServer(handleAsync, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) clients.push(createTask(() => clientAsync(port, i)));
  const counts: number[] = await gather(...clients);
  server.close();
  await server.waitClosed();
  return check(counts);
}

export const echo: ThroughputWorkload = {
  name: "echo",
  events: EVENTS,
  generator: () => runSync(mainGen),
  async: () => run(mainAsync),
};
