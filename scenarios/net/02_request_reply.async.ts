import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = { title: "request/reply", description: "Three rounds of request and reply over one connection, then EOF." };

export async function main() {
  async function handle(reader: StreamReader, writer: StreamWriter) {
    for (;;) {
      const line = await reader.readline();
      if (line.length === 0) break;
      const n = Number(new TextDecoder().decode(line));
      log("server", n);
      writer.write(b(`${n * n}\n`));
    }
    log("server eof");
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  const replies: number[] = [];
  for (const n of [2, 3, 4]) {
    writer.write(b(`${n}\n`));
    const reply = Number(new TextDecoder().decode(await reader.readline()));
    log("client", n, "->", reply);
    replies.push(reply);
  }
  writer.writeEof();
  log("client sees", await reader.read());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
  return replies;
}
