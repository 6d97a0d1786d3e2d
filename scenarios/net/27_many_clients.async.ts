import { gather, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "many clients", description: "Three clients connect at once: accepted in one iteration, in connect order, each with its own handler task." };

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim();

export async function main() {
  async function handle(reader: StreamReader, writer: StreamWriter) {
    const name = text(await reader.readline());
    log("handler", name, "iteration", iteration());
    writer.write(b(`hello ${name}\n`));
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];

  async function client(name: string) {
    const [reader, writer] = await openConnection("127.0.0.1", port);
    log(name, "connected", "iteration", iteration());
    writer.write(b(`${name}\n`));
    const reply = await reader.readline();
    writer.close();
    await writer.waitClosed();
    return text(reply);
  }

  const replies = await gather(() => client("a"), () => client("b"), () => client("c"));
  server.close();
  await server.waitClosed();
  return replies;
}
