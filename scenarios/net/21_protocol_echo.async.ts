import { type Future, Protocol, type SocketTransport, createConnection, createServer, getRunningLoop } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "protocol echo", description: "The order and iterations of connection_made, data_received, eof_received, connection_lost on both sides." };

class Echo extends Protocol {
  transport: SocketTransport | null = null;
  override connectionMade(transport: SocketTransport) {
    this.transport = transport;
    log("server connection_made", iteration());
  }
  override dataReceived(data: Uint8Array) {
    log("server data_received", data, iteration());
    this.transport?.write(data);
  }
  override eofReceived() {
    log("server eof_received", iteration());
  }
  override connectionLost(exc: unknown) {
    log("server connection_lost", exc, iteration());
  }
}

class Client extends Protocol {
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade(transport: SocketTransport) {
    log("client connection_made", iteration());
    transport.write(b("ping"));
    transport.writeEof();
  }
  override dataReceived(data: Uint8Array) {
    log("client data_received", data, iteration());
  }
  override eofReceived() {
    log("client eof_received", iteration());
  }
  override connectionLost(exc: unknown) {
    log("client connection_lost", exc, iteration());
    this.done.setResult(undefined);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const server = await createServer(() => new Echo(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const done = loop.createFuture<void>();
  log("create_connection at", iteration());
  await createConnection(() => new Client(done), "127.0.0.1", port);
  log("create_connection returned", iteration());
  await done;
  server.close();
  await server.waitClosed();
  log("closed", iteration());
}
