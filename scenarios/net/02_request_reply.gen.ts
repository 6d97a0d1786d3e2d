import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "request/reply", description: "Three rounds of request and reply over one connection, then EOF." };

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    for (;;) {
      const line = yield* reader.readline();
      if (line.length === 0) break;
      const n = Number(new TextDecoder().decode(line));
      log("server", n);
      writer.write(b(`${n * n}\n`));
    }
    log("server eof");
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  const replies: number[] = [];
  for (const n of [2, 3, 4]) {
    writer.write(b(`${n}\n`));
    const reply = Number(new TextDecoder().decode(yield* reader.readline()));
    log("client", n, "->", reply);
    replies.push(reply);
  }
  writer.writeEof();
  log("client sees", yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  return replies;
}
