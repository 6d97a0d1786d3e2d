import { getRunningLoop, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "a write is seen at N+1, read at N+2", description: "A write in iteration N: the peer's data_received runs in N+1 and a task awaiting read() resumes in N+2." };

export async function main() {
  getRunningLoop();
  const wrote = { at: 0 };
  async function handle(reader: StreamReader, writer: StreamWriter) {
    const proto = writer._protocol;
    const original = proto.dataReceived.bind(proto);
    proto.dataReceived = (data: Uint8Array) => {
      log("server data_received", data, "at N +", iteration() - wrote.at);
      original(data);
    };
    const data = await reader.read(100);
    log("server task resumed with", data, "at N +", iteration() - wrote.at);
    writer.write(b("pong"));
    wrote.at = iteration();
    log("server wrote at", wrote.at);
    writer.close();
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = await openConnection("127.0.0.1", port);
  await sleep(0);
  writer.write(b("ping"));
  wrote.at = iteration();
  log("client wrote at", wrote.at);
  const data = await reader.read(100);
  log("client task resumed with", data, "at N +", iteration() - wrote.at);
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
