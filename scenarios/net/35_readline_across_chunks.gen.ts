import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "readline across chunks", description: "A line written in pieces: readline returns once the newline comes; readuntil finds a separator split across writes." };

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    for (const part of ["hel", "lo wor", "ld\nfirst\r", "\nrest"]) {
      writer.write(b(part));
      yield* sleep(0.5);
    }
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("line", yield* reader.readline());
  log("until", yield* reader.readuntil(b("\r\n")));
  log("line", yield* reader.readline());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
