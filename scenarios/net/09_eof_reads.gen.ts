import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "eof reads", description: "Every kind of read after EOF returns b''." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("last line\n"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("readline", yield* reader.readline());
  log("readline", yield* reader.readline());
  log("at_eof", reader.atEof());
  log("read", yield* reader.read(5));
  log("read -1", yield* reader.read());
  log("readexactly 0", yield* reader.readexactly(0));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
