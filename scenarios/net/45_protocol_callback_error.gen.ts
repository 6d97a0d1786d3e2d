import { type Future, Protocol, type Transport, ValueError, getRunningLoop } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "a protocol callback that raises",
  description: "data_received raising closes the transport, tells the loop's exception handler, and gives connection_lost the exception; the peer sees EOF.",
};

class Faulty extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
  }
  override dataReceived(data: Uint8Array) {
    log("faulty data_received", data, iteration());
    throw new ValueError("bad frame");
  }
  override connectionLost(exc: Error | null) {
    log("faulty connection_lost", exc?.name, exc, iteration());
    log("is_closing", this.transport?.isClosing());
  }
}

class Client extends Protocol {
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade(transport: Transport) {
    transport.write(b("frame"));
  }
  override eofReceived() {
    log("client eof_received", iteration());
  }
  override connectionLost(exc: Error | null) {
    log("client connection_lost", exc, iteration());
    this.done.setResult(undefined);
  }
}

export function* main() {
  const loop = getRunningLoop();
  const seen: string[] = [];
  loop.setExceptionHandler((_loop, context) => seen.push(context.message));
  const server = yield* loop.createServer(() => new Faulty(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const done = loop.createFuture<void>();
  yield* loop.createConnection(() => new Client(done), "127.0.0.1", port);
  yield* done;
  log("exception handler saw", seen);
  server.close();
  yield* server.waitClosed();
}
