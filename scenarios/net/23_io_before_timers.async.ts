import { Protocol, type SocketTransport, createConnection, createServer, getRunningLoop, sleep } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "IO before timers", description: "IO that is ready runs before the timers that fell due, even a timer scheduled first; both take no virtual time." };

class Quiet extends Protocol {
  override connectionMade(_transport: SocketTransport) {}
  override dataReceived(_data: Uint8Array) {}
  override eofReceived() {}
  override connectionLost(_exc: unknown) {}
}

class Peer extends Quiet {
  override dataReceived(data: Uint8Array) {
    log("data_received", data, iteration());
  }
}

export async function main() {
  const loop = getRunningLoop();
  const server = await createServer(() => new Peer(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [transport] = await createConnection(() => new Quiet(), "127.0.0.1", port);
  await sleep(0.5);
  log("write and call_later(0) at", iteration());
  loop.callLater(0, () => log("timer 0 ran", iteration()));
  loop.callSoon(() => log("call_soon ran", iteration()));
  transport.write(b("x"));
  await sleep(0);
  log("main after sleep(0)", iteration());
  await sleep(0);
  log("main after sleep(0)", iteration());
  loop.callLater(0.25, () => log("timer 0.25 ran", iteration()));
  loop.callLater(0.25, (data: Uint8Array) => transport.write(data), b("y"));
  await sleep(1);
  transport.close();
  server.close();
  await server.waitClosed();
}
