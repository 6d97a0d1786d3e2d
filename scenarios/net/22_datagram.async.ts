import { type Address, DatagramProtocol, type DatagramTransport, Queue, getRunningLoop, sleep } from "../../src/index.js";
import { iteration, log } from "../harness.js";

export const meta = { title: "datagram echo", description: "create_datagram_endpoint on both sides; each sendto is one datagram_received, one datagram per iteration." };

const upper = (data: Uint8Array) => new TextEncoder().encode(new TextDecoder().decode(data).toUpperCase());

class EchoServer extends DatagramProtocol {
  transport: DatagramTransport | null = null;
  override connectionMade(transport: DatagramTransport) {
    this.transport = transport;
  }
  override datagramReceived(data: Uint8Array, addr: Address) {
    log("server got", data, iteration());
    this.transport?.sendto(upper(data), addr);
  }
}

class Client extends DatagramProtocol {
  got = new Queue<Uint8Array>();
  override datagramReceived(data: Uint8Array) {
    log("client got", data, iteration());
    this.got.putNowait(data);
  }
  override connectionLost(exc: Error | null) {
    log("client connection_lost", exc);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const [server] = await loop.createDatagramEndpoint(() => new EchoServer(), { localAddr: ["127.0.0.1", 0] });
  const addr = server.getExtraInfo("sockname") as Address;
  const [client, proto] = await loop.createDatagramEndpoint(() => new Client(), { remoteAddr: addr });
  log("sending at", iteration());
  client.sendto(new TextEncoder().encode("one"));
  client.sendto(new TextEncoder().encode("two"));
  const replies = [await proto.got.get(), await proto.got.get()];
  log("replies at", iteration());
  client.close();
  server.close();
  await sleep(0);
  return replies.map((r) => new TextDecoder().decode(r));
}
