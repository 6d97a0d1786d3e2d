import { type Future, Protocol, type Transport, getRunningLoop } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "connection_lost's argument",
  description: "The peer aborts with bytes it has not read: connection_lost(ConnectionResetError) on this side, connection_lost(None) on the aborting side.",
};

class Server extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
    transport.pauseReading();
    getRunningLoop().callLater(1, () => this.abort());
  }
  abort() {
    const t = this.transport as Transport;
    log("server abort at", iteration());
    t.abort();
    log("server is_closing", t.isClosing());
    t.abort();
  }
  override connectionLost(exc: Error | null) {
    log("server connection_lost", exc, iteration());
  }
}

class Client extends Protocol {
  transport: Transport | null = null;
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade(transport: Transport) {
    this.transport = transport;
    transport.write(b("unread"));
  }
  override dataReceived(data: Uint8Array) {
    log("client data_received", data);
  }
  override eofReceived() {
    log("client eof_received");
  }
  override connectionLost(exc: Error | null) {
    log("client connection_lost", exc?.name, exc, iteration());
    log("errno", (exc as { errno?: number }).errno, "is_closing", this.transport?.isClosing());
    this.done.setResult(undefined);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const server = await loop.createServer(() => new Server(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const done = loop.createFuture<void>();
  await loop.createConnection(() => new Client(done), "127.0.0.1", port);
  await done;
  server.close();
  await server.waitClosed();
}
