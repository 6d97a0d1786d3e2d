import { asyncWith, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "async with server", description: "Leaving `async with server` closes the server and waits for it; reading lines until EOF." };

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    for (;;) {
      const line = yield* reader.readline(); // async for line in reader
      if (line.length === 0) break;
      log("server line", line);
    }
    writer.close();
    log("handler done");
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  yield* asyncWith(server, function* () {
    const port = server.sockets[0].getsockname()[1];
    const [reader, writer] = yield* openConnection("127.0.0.1", port);
    writer.writelines([b("one\n"), b("two\n"), b("three")]);
    writer.writeEof();
    log("client read", yield* reader.read());
    writer.close();
    yield* writer.waitClosed();
  });
  log("is_serving", server.isServing());
  return "done";
}
