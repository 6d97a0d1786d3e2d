import { log, network, openConnection, startServer, type StreamReader, type StreamWriter } from "vloop";

export const meta = { title: "a client on main, a server on db, 50 ms away" };

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

// The server: reads one line, answers it, closes the connection.
async function handle(reader: StreamReader, writer: StreamWriter) {
  const line = await reader.readline();
  log(`db got ${dec(line)}`);
  writer.write(enc(`pong ${dec(line)}\n`));
  writer.close();
}

export async function main() {
  const net = network();
  net.host("db", () => startServer(handle, "0.0.0.0", 5432));
  net.link("main", "db", { latency: 0.05 });

  const [reader, writer] = await openConnection("db", 5432);
  log("connected");
  writer.write(enc("ping\n"));
  log(`main got ${dec(await reader.readline())}`);
  writer.close();
  await writer.waitClosed();
}
