import { currentTask, eagerTaskFactory, gather, getRunningLoop, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "eager handlers",
  description:
    "With eager tasks, the server's accept task and each connection's handler task start eagerly: the handler runs up to its first read inside the accept, iterations earlier than with lazy tasks.",
};

export function* handle(reader: StreamReader, writer: StreamWriter) {
  log("handler starts in", currentTask()!.getName(), "at", iteration());
  const data = yield* reader.readline();
  log("server got", data, "at", iteration());
  writer.write(b(new TextDecoder().decode(data).toUpperCase()));
  yield* writer.drain();
  writer.close();
  yield* writer.waitClosed();
  log("server closed at", iteration());
}

export function* client(port: number, n: number) {
  log("client", n, "connects at", iteration());
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("client", n, "connected at", iteration());
  writer.write(b(`hello ${n}\n`));
  yield* writer.drain();
  log("client", n, "got", yield* reader.readline(), "at", iteration());
  writer.close();
  yield* writer.waitClosed();
  return n;
}

export function* main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1] as number;
  log("gather ->", yield* gather(client(port, 1), client(port, 2)));
  server.close();
  yield* server.waitClosed();
  return "done";
}
