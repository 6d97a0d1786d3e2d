import { Event, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "write_eof", description: "at_eof() before and after the last bytes; write_eof keeps the transport open." };

export function* main() {
  const done = new Event();
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    log("can_write_eof", writer.canWriteEof());
    writer.write(b("abc"));
    writer.writeEof();
    log("is_closing after write_eof", writer.isClosing());
    yield* done.wait();
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("at_eof", reader.atEof());
  log("read 2", yield* reader.read(2));
  log("at_eof", reader.atEof());
  log("read", yield* reader.read(10));
  log("at_eof", reader.atEof());
  log("read again", yield* reader.read(10));
  done.set();
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
