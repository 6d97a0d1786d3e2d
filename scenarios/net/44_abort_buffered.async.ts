import { type Future, Protocol, type Transport, getRunningLoop, sleep, socket } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "abort with buffered bytes",
  description: "abort() drops what the transport buffered (the peer gets less than was written), the buffer size drops to 0 without resume_writing, connection_lost(None) follows.",
};

class Writer extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
  }
  override pauseWriting() {
    log("pause_writing, buffered", (this.transport as Transport).getWriteBufferSize() > 1000);
  }
  override resumeWriting() {
    log("resume_writing");
  }
  override connectionLost(exc: Error | null) {
    log("writer connection_lost", exc);
  }
}

class Sink extends Protocol {
  total = 0;
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade(transport: Transport) {
    transport.pauseReading();
    getRunningLoop().callLater(1, () => transport.resumeReading());
  }
  override dataReceived(data: Uint8Array) {
    this.total += data.length;
  }
  override eofReceived() {
    log("sink eof, got some", this.total > 0, "got less than written", this.total < 1 << 20);
  }
  override connectionLost(exc: Error | null) {
    log("sink connection_lost", exc);
    this.done.setResult(undefined);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>();
  const lsock = socket();
  lsock.setsockopt("SOL_SOCKET", "SO_RCVBUF", 4096);
  lsock.bind(["127.0.0.1", 0]);
  const server = await loop.createServer(() => new Sink(done), null, null, { sock: lsock });
  const csock = socket();
  csock.setsockopt("SOL_SOCKET", "SO_SNDBUF", 4096);
  csock.setblocking(false);
  await loop.sockConnect(csock, lsock.getsockname());
  const [transport] = await loop.createConnection(() => new Writer(), null, null, { sock: csock });
  transport.setWriteBufferLimits({ high: 1000 });
  transport.write(new Uint8Array(1 << 20).fill(0x7a));
  log("after write, buffered", transport.getWriteBufferSize() > 0);
  await sleep(0.5);
  transport.abort();
  log("after abort: buffered", transport.getWriteBufferSize(), "is_closing", transport.isClosing());
  transport.write(b("dropped"));
  await done;
  server.close();
  await server.waitClosed();
}
