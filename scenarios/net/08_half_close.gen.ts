import { RuntimeError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "half close", description: "The client sends EOF, the server still answers on the open half, then closes." };

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    const body = yield* reader.read();
    log("server got all", body);
    writer.write(b(`len=${body.length}`));
    yield* writer.drain();
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(b("part1 "));
  yield* sleep(0.5);
  writer.write(b("part2"));
  writer.writeEof();
  try {
    writer.write(b("more"));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log("RuntimeError", e);
  }
  log("reply", yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
