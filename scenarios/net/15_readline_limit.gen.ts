import { ValueError, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readline limit", description: "readline past the limit: ValueError and the line is dropped; at EOF the partial line." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("short\n" + "x".repeat(20) + "\nok\ntail"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 10 });
  log("line", yield* reader.readline());
  try {
    yield* reader.readline();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("ValueError", e);
  }
  log("line", yield* reader.readline());
  log("line", yield* reader.readline());
  log("line", yield* reader.readline());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
