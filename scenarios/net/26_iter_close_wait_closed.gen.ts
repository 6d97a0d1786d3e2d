import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "iterations of closing", description: "writer.close() then wait_closed(): the iterations it takes, and when the peer sees EOF." };

export function* main() {
  const closedAt = { n: 0 };
  function* handle(reader: StreamReader, writer: StreamWriter) {
    const data = yield* reader.read();
    log("server read", data, "EOF at close +", iteration() - closedAt.n);
    writer.close();
    const n = iteration();
    yield* writer.waitClosed();
    log("server close + wait_closed took", iteration() - n);
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(b("bye"));
  closedAt.n = iteration();
  writer.close();
  log("is_closing", writer.isClosing());
  yield* writer.waitClosed();
  log("client close + wait_closed took", iteration() - closedAt.n);
  const n = iteration();
  yield* writer.waitClosed();
  log("second wait_closed took", iteration() - n);
  yield* sleep(1);
  server.close();
  yield* server.waitClosed();
}
