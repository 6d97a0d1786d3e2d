import { type Address, DatagramProtocol, getRunningLoop, sleep } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = {
  title: "datagrams to a closed port",
  description: "A connected endpoint gets ConnectionRefusedError through error_received and stays open; an unconnected one hears nothing.",
};

class Client extends DatagramProtocol {
  constructor(readonly name: string) {
    super();
  }
  override datagramReceived(data: Uint8Array) {
    log(this.name, "got", data);
  }
  override errorReceived(exc: Error) {
    log(this.name, "error_received", exc.name, exc, iteration());
  }
  override connectionLost(exc: Error | null) {
    log(this.name, "connection_lost", exc, iteration());
  }
}

export function* main() {
  const loop = getRunningLoop();
  // a port that was just free: bind, read the port, close
  const [probe] = yield* loop.createDatagramEndpoint(() => new DatagramProtocol(), { localAddr: ["127.0.0.1", 0] });
  const dead = probe.getExtraInfo("sockname") as Address;
  probe.close();
  yield* sleep(0);
  const [conn] = yield* loop.createDatagramEndpoint(() => new Client("connected"), { remoteAddr: dead });
  const [free] = yield* loop.createDatagramEndpoint(() => new Client("free"), { localAddr: ["127.0.0.1", 0] });
  log("send at", iteration());
  conn.sendto(b("hello"));
  free.sendto(b("hello"), dead);
  yield* sleep(1);
  log("after 1s is_closing", conn.isClosing(), iteration());
  conn.sendto(b("again"));
  yield* sleep(1);
  conn.close();
  free.close();
  yield* sleep(0);
}
