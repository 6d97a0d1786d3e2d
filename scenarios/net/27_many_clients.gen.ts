import { gather, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "many clients", description: "Three clients connect at once: accepted in one iteration, in connect order, each with its own handler task." };

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim();

export function* main() {
  function* handle(reader: StreamReader, writer: StreamWriter) {
    const name = text(yield* reader.readline());
    log("handler", name, "iteration", iteration());
    writer.write(b(`hello ${name}\n`));
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];

  function* client(name: string) {
    const [reader, writer] = yield* openConnection("127.0.0.1", port);
    log(name, "connected", "iteration", iteration());
    writer.write(b(`${name}\n`));
    const reply = yield* reader.readline();
    writer.close();
    yield* writer.waitClosed();
    return text(reply);
  }

  const replies = yield* gather(() => client("a"), () => client("b"), () => client("c"));
  server.close();
  yield* server.waitClosed();
  return replies;
}
