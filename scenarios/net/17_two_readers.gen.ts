import { RuntimeError, gather, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "two readers", description: "Two tasks reading one StreamReader at once: the second gets RuntimeError at once." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    yield* sleep(1);
    writer.write(b("data"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);

  function* read(name: string) {
    try {
      log(name, "got", yield* reader.read(10));
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      log(name, "RuntimeError", e);
    }
  }

  yield* gather(() => read("first"), () => read("second"));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
