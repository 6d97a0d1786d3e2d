import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "pipelining", description: "The client sends three requests in one write; the server answers each as it parses it." };

export function* main() {
  let start = 0;
  function* handle(reader: StreamReader, writer: StreamWriter) {
    for (;;) {
      const line = yield* reader.readline();
      if (line.length === 0) break;
      log("server got", line, "iteration", iteration() - start);
      writer.write(new Uint8Array([...b("re:"), ...line]));
    }
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  start = iteration(); // the handler reads it too
  writer.write(b("a\nb\nc\n"));
  log("wrote", "iteration", iteration() - start);
  for (let i = 0; i < 3; i++) {
    const line = yield* reader.readline();
    log("client got", line, "iteration", iteration() - start);
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
