import { ConnectionRefusedError, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = { title: "start_serving=False", description: "The socket is bound but not listening, so connecting is refused until start_serving()." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    log("handler");
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0, { startServing: false });
  const port = server.sockets[0].getsockname()[1];
  log("is_serving", server.isServing());
  try {
    yield* openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof ConnectionRefusedError)) throw e;
    log("refused");
  }
  yield* server.startServing();
  log("is_serving", server.isServing());
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("read", yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
