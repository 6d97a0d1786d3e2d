import { openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = { title: "extra info", description: "peername/sockname are (host, port) pairs that mirror each other; only their relations are printed." };

type Addr = [string, number];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function main() {
  const seen: Record<string, unknown> = {};
  async function handle(_reader: StreamReader, writer: StreamWriter) {
    seen["server peer"] = writer.getExtraInfo("peername");
    seen["server sock"] = writer.getExtraInfo("sockname");
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const [host, port] = server.sockets[0].getsockname();
  log("server host", host);
  const [reader, writer] = await openConnection("127.0.0.1", port);
  const peer = writer.getExtraInfo("peername") as Addr;
  const sock = writer.getExtraInfo("sockname") as Addr;
  log("client peer", peer[0], peer[1] === port);
  log("client sock", sock[0], sock[1] !== port);
  await reader.read();
  log("server sees client", same(seen["server peer"], sock), same(seen["server sock"], peer));
  log("missing", writer.getExtraInfo("nothing", "default"));
  log("socket family", (writer.getExtraInfo("socket") as { family: string }).family);
  log("ssl", writer.getExtraInfo("sslcontext"));
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
