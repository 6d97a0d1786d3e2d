import { type Address, DatagramProtocol, type DatagramTransport, type Future, Protocol, type Transport, getRunningLoop, log } from "vloop";

const bytes = (text: string) => new TextEncoder().encode(text);
const upper = (data: Uint8Array) => bytes(new TextDecoder().decode(data).toUpperCase());

class Echo extends Protocol {
  transport: Transport | null = null;
  override connectionMade(transport: Transport) {
    this.transport = transport;
  }
  override dataReceived(data: Uint8Array) {
    log("server got", data);
    this.transport?.write(upper(data));
  }
  override eofReceived() {
    log("server eof"); // returns undefined: the transport closes itself
  }
}

class Client extends Protocol {
  constructor(readonly done: Future<void>) {
    super();
  }
  override connectionMade(transport: Transport) {
    transport.write(bytes("hello"));
    transport.writeEof();
  }
  override dataReceived(data: Uint8Array) {
    log("client got", data);
  }
  override connectionLost(exc: Error | null) {
    log("client lost", exc);
    this.done.setResult();
  }
}

class DatagramEcho extends DatagramProtocol {
  transport: DatagramTransport | null = null;
  override connectionMade(transport: DatagramTransport) {
    this.transport = transport;
  }
  override datagramReceived(data: Uint8Array, addr: Address) {
    this.transport?.sendto(upper(data), addr);
  }
}

class DatagramClient extends DatagramProtocol {
  constructor(readonly done: Future<void>) {
    super();
  }
  override datagramReceived(data: Uint8Array) {
    log("datagram", data);
    this.done.setResult();
  }
  override errorReceived(exc: Error) {
    log("error_received", exc);
  }
}

export async function main() {
  const loop = getRunningLoop();
  const server = await loop.createServer(() => new Echo(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const done = loop.createFuture<void>();
  log("connecting");
  await loop.createConnection(() => new Client(done), "127.0.0.1", port);
  await done;
  server.close();
  await server.waitClosed();

  const [udpServer] = await loop.createDatagramEndpoint(() => new DatagramEcho(), { localAddr: ["127.0.0.1", 0] });
  const got = loop.createFuture<void>();
  const [client] = await loop.createDatagramEndpoint(() => new DatagramClient(got), {
    remoteAddr: udpServer.getExtraInfo("sockname") as Address,
  });
  log("sendto");
  client.sendto(bytes("ping"));
  await got;
  client.close();
  udpServer.close();
}
