import { createTask, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "server close with clients", description: "server.close() leaves open connections alone; wait_closed() returns once the last one is closed." };

export function* main() {
  const writers: StreamWriter[] = [];
  function* handle(reader: StreamReader, writer: StreamWriter) {
    writers.push(writer);
    log("server got", yield* reader.readline());
    writer.write(b("still here\n"));
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const clients: [StreamReader, StreamWriter][] = [];
  for (let i = 0; i < 2; i++) clients.push(yield* openConnection("127.0.0.1", port));
  server.close();
  log("is_serving", server.isServing());

  function* closer() {
    yield* sleep(1);
    for (const w of writers) {
      w.close();
      log("server closed one connection");
    }
  }
  createTask(closer);
  for (const [i, [r, w]] of clients.entries()) {
    w.write(b(`hi ${i}\n`));
    log("client", i, yield* r.readline());
  }
  yield* server.waitClosed();
  log("wait_closed returned");
  for (const [r, w] of clients) {
    log("client reads", yield* r.read());
    w.close();
  }
  return "done";
}
