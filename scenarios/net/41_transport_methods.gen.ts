import { type Future, Protocol, RuntimeError, type Transport, getRunningLoop, sleep } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "transport methods",
  description: "get_protocol/set_protocol, writelines, can_write_eof, write buffer size and limits, eof_received returning True, get_extra_info defaults.",
};

/** Python's tuple repr of the limits */
const tuple = ([low, high]: [number, number]) => `(${low}, ${high})`;

class First extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
    log("first connection_made", transport.getProtocol() === this);
  }
  override dataReceived(data: Uint8Array) {
    log("first data_received", data);
    const t = this.transport as Transport;
    const second = new Second(t);
    t.setProtocol(second);
    log("get_protocol is second", t.getProtocol() === second);
  }
}

class Second extends Protocol {
  constructor(readonly transport: Transport) {
    super();
  }
  override dataReceived(data: Uint8Array) {
    log("second data_received", data, iteration());
  }
  override eofReceived() {
    log("second eof_received", iteration());
    this.transport.writelines([b("re"), b("ply")]);
    this.transport.close();
    return true;
  }
  override connectionLost(exc: Error | null) {
    log("second connection_lost", exc, iteration());
  }
}

class Client extends Protocol {
  constructor(readonly done: Future<void>) {
    super();
  }
  override dataReceived(data: Uint8Array) {
    log("client data_received", data, iteration());
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
  const server = yield* loop.createServer(() => new First(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const done = loop.createFuture<void>();
  const [transport] = yield* loop.createConnection(() => new Client(done), "127.0.0.1", port);
  log("can_write_eof", transport.canWriteEof());
  log("limits", tuple(transport.getWriteBufferLimits()), "size", transport.getWriteBufferSize());
  transport.setWriteBufferLimits({ high: 8 });
  log("limits", tuple(transport.getWriteBufferLimits()));
  log("is_reading", transport.isReading(), "is_closing", transport.isClosing());
  log("extra missing", transport.getExtraInfo("nothing"), transport.getExtraInfo("nothing", 7));
  transport.write(b("one"));
  yield* sleep(0.5);
  transport.writelines([b("tw"), b("o")]);
  transport.writelines([]);
  yield* sleep(0.5);
  transport.writeEof();
  log("after write_eof is_closing", transport.isClosing());
  try {
    transport.writelines([b("x")]);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("writelines after write_eof:", e);
  }
  yield* done;
  server.close();
  yield* server.waitClosed();
}
