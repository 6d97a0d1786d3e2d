import { LimitOverrunError, ValueError, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readuntil limit", description: "LimitOverrunError leaves the bytes buffered; readuntil(b'') is a ValueError." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.write(b("0123456789|ab|"));
    yield* sleep(1);
    writer.write(b("cdefghijklmnop|"));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 8 });
  try {
    yield* reader.readuntil(b("|"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    log("LimitOverrunError", e.consumed, e);
  }
  log("read 11", yield* reader.read(11));
  log("until", yield* reader.readuntil(b("|")));
  try {
    yield* reader.readuntil(b("|"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    log("LimitOverrunError", e.consumed, e);
  }
  try {
    yield* reader.readuntil(b(""));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("ValueError", e);
  }
  log("rest", yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
