import { type Address, DatagramProtocol, getRunningLoop, sleep } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "connected and unconnected datagram endpoints",
  description: "peername of each, sendto with and without an address, ValueError for another address on a connected endpoint, the iteration of each datagram_received.",
};

const known: Address[] = [];
const isKnown = (addr: Address) => known.some((k) => k[0] === addr[0] && k[1] === addr[1]);

class Recorder extends DatagramProtocol {
  constructor(readonly name: string) {
    super();
  }
  override connectionMade() {
    log(this.name, "connection_made", iteration());
  }
  override datagramReceived(data: Uint8Array, addr: Address) {
    log(this.name, "got", data, "from known", isKnown(addr), iteration());
  }
  override errorReceived(exc: Error) {
    log(this.name, "error_received", exc);
  }
  override connectionLost(exc: Error | null) {
    log(this.name, "connection_lost", exc, iteration());
  }
}

export function* main() {
  const loop = getRunningLoop();
  let n = iteration();
  const [server] = yield* loop.createDatagramEndpoint(() => new Recorder("server"), { localAddr: ["127.0.0.1", 0] });
  log("local endpoint took", iteration() - n);
  const addr = server.getExtraInfo("sockname") as Address;
  log("server sockname host", addr[0], "peername", server.getExtraInfo("peername"));
  n = iteration();
  const [conn] = yield* loop.createDatagramEndpoint(() => new Recorder("connected"), { remoteAddr: addr });
  log("remote endpoint took", iteration() - n);
  const peer = conn.getExtraInfo("peername") as Address;
  log("connected peername is server", peer[0] === addr[0] && peer[1] === addr[1]);
  const [free] = yield* loop.createDatagramEndpoint(() => new Recorder("free"), { localAddr: ["127.0.0.1", 0] });
  known.length = 0;
  known.push(conn.getExtraInfo("sockname") as Address, free.getExtraInfo("sockname") as Address);
  log("write buffer size", conn.getWriteBufferSize(), "is_closing", conn.isClosing());
  log("sending at", iteration());
  conn.sendto(b("c1"));
  conn.sendto(b("c2"), addr);
  free.sendto(b("f1"), addr);
  try {
    conn.sendto(b("x"), ["127.0.0.1", 1]);
  } catch (e) {
    log("ValueError", String((e as Error).message).split(":")[0]);
  }
  try {
    conn.sendto("text" as unknown as Uint8Array);
  } catch (e) {
    log("TypeError", (e as Error).message);
  }
  conn.sendto(b(""));
  yield* sleep(0.1);
  server.sendto(b("back"), known[1]);
  server.sendto(b("back"), known[0]);
  yield* sleep(0.1);
  conn.close();
  log("closed is_closing", conn.isClosing());
  conn.sendto(b("after close"));
  free.abort();
  server.close();
  yield* sleep(0);
  log("done", iteration());
}
