import { Event, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = { title: "large write and drain", description: "A 1 MiB write with drain(): the kernel takes it whole on loopback, so drain returns at once; the peer reads it later." };

export function* main() {
  const got = new Event();
  function* handle(reader: StreamReader, writer: StreamWriter) {
    yield* sleep(1);
    log("server starts reading");
    let total = 0;
    for (;;) {
      const chunk = yield* reader.read(65536);
      if (chunk.length === 0) break;
      total += chunk.length;
    }
    log("server got", total);
    writer.close();
    got.set();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(new Uint8Array(1 << 20).fill(0x78));
  yield* writer.drain();
  log("drained", writer.transport.getWriteBufferSize() <= 16384);
  writer.writeEof();
  yield* got.wait();
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
