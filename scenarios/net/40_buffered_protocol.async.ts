import { BufferedProtocol, type Future, getRunningLoop, openConnection } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "BufferedProtocol",
  description: "get_buffer(-1) then buffer_updated(n) per recv_into; a 4-byte buffer splits one write over several iterations.",
};

class Sink extends BufferedProtocol {
  buf = new Uint8Array(4);
  got = new Uint8Array(0);
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade() {
    log("sink connection_made", iteration());
  }
  getBuffer(sizehint: number) {
    log("get_buffer", sizehint, iteration());
    return this.buf;
  }
  bufferUpdated(nbytes: number) {
    const chunk = this.buf.slice(0, nbytes);
    const got = new Uint8Array(this.got.length + nbytes);
    got.set(this.got);
    got.set(chunk, this.got.length);
    this.got = got;
    log("buffer_updated", nbytes, chunk, iteration());
  }
  override eofReceived() {
    log("sink eof_received", this.got, iteration());
  }
  override connectionLost(exc: Error | null) {
    log("sink connection_lost", exc, iteration());
    this.done.setResult(undefined);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>();
  const server = await loop.createServer(() => new Sink(done), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [, writer] = await openConnection("127.0.0.1", port);
  log("write at", iteration());
  writer.write(b("0123456789"));
  writer.writeEof();
  await done;
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
