import { type Future, Protocol, type Transport, getRunningLoop, sleep } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "protocol pause_reading",
  description: "pause_reading/resume_reading: bytes written while paused arrive in one data_received after resume_reading; is_reading() before and after.",
};

class Server extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
    transport.pauseReading();
    log("server paused, is_reading", transport.isReading(), iteration());
    transport.pauseReading();
    getRunningLoop().callLater(1, () => this.resume());
  }
  resume() {
    const t = this.transport as Transport;
    log("resume at", iteration());
    t.resumeReading();
    t.resumeReading();
    log("is_reading", t.isReading());
  }
  override dataReceived(data: Uint8Array) {
    log("server data_received", data, iteration());
  }
  override eofReceived() {
    log("server eof_received", iteration());
  }
  override connectionLost(exc: Error | null) {
    log("server connection_lost", exc, iteration());
  }
}

class Client extends Protocol {
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade(transport: Transport) {
    transport.write(b("a"));
    transport.write(b("b"));
    log("client wrote", iteration());
  }
  override connectionLost(exc: Error | null) {
    log("client connection_lost", exc, iteration());
    this.done.setResult(undefined);
  }
}

export function* main() {
  const loop = getRunningLoop();
  const server = yield* loop.createServer(() => new Server(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const done = loop.createFuture<void>();
  const [transport] = yield* loop.createConnection(() => new Client(done), "127.0.0.1", port);
  yield* sleep(2);
  transport.write(b("c"));
  transport.close();
  log("client closing", transport.isClosing(), transport.isReading());
  yield* done;
  server.close();
  yield* server.waitClosed();
  log("closed", iteration());
}
