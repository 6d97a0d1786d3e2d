import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "clean abort", description: "transport.abort() with nothing unread closes at once: the peer sees a plain EOF." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("sent at once")); // the kernel takes it inside write()
    writer.transport.abort();
    log("server aborted");
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("read", yield* reader.read(100));
  log("read", yield* reader.read(100));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
