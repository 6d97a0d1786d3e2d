import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "echo",
  description: "A stream echo server and one client: one line there and back, then both close.",
};

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    const data = yield* reader.readline();
    log("server got", data);
    writer.write(data);
    yield* writer.drain();
    writer.close();
    yield* writer.waitClosed();
    log("server closed");
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(b("hello\n"));
  yield* writer.drain();
  log("client got", yield* reader.readline());
  log("then", yield* reader.read(100));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  return "done";
}
