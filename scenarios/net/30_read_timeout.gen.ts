import { TimeoutError, asyncWith, openConnection, sleep, startServer, timeout, waitFor, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "read timeout", description: "wait_for and timeout() around a read that gets nothing: TimeoutError at the deadline, and the stream still works." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    yield* sleep(3);
    writer.write(b("late\n"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  try {
    yield* waitFor(reader.readline(), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError");
  }
  try {
    yield* asyncWith(timeout(1), function* () {
      yield* reader.readexactly(4);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("TimeoutError again");
  }
  log("line", yield* reader.readline());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
