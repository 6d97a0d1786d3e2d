import { Protocol, type Transport, getRunningLoop, sleep, socket } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "flow control marks",
  description: "pause_writing once the buffer passes 64 KiB, resume_writing at 16 KiB or less, with small socket buffers set before listen/connect.",
};

class Writer extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
  }
  override pauseWriting() {
    log("pause_writing", (this.transport as Transport).getWriteBufferSize() > 65536);
  }
  override resumeWriting() {
    log("resume_writing", (this.transport as Transport).getWriteBufferSize() <= 16384);
  }
}

class Sink extends Protocol {
  total = 0;
  override connectionMade(transport: Transport) {
    transport.pauseReading();
    getRunningLoop().callLater(1, () => transport.resumeReading());
  }
  override dataReceived(data: Uint8Array) {
    this.total += data.length;
  }
  override eofReceived() {
    log("sink got", this.total);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const lsock = socket();
  lsock.setsockopt("SOL_SOCKET", "SO_RCVBUF", 4096);
  lsock.bind(["127.0.0.1", 0]);
  const server = await loop.createServer(() => new Sink(), null, null, { sock: lsock });
  const csock = socket();
  csock.setsockopt("SOL_SOCKET", "SO_SNDBUF", 4096);
  csock.setblocking(false);
  await loop.sockConnect(csock, lsock.getsockname());
  const [transport] = await loop.createConnection(() => new Writer(), null, null, { sock: csock });
  transport.write(new Uint8Array(1 << 18).fill(0x79));
  log("after write");
  await sleep(2);
  transport.writeEof();
  await sleep(1);
  transport.close();
  server.close();
  await server.waitClosed();
}
