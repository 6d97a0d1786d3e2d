import { ensureFuture, getRunningLoop, sleep, socket, type Address } from "../../src/index.js";
import { b, iteration, log, py } from "../harness.js";

export const meta = {
  title: "the loop's datagram sock_* calls",
  description: "sock_sendto, sock_recvfrom (waiting, and with a datagram there), sock_recvfrom_into cutting a datagram, sock_recvfrom on TCP (address None), and the iterations each takes.",
};

const same = (x: Address | null, y: Address) => x !== null && x[0] === y[0] && x[1] === y[1];

export async function main() {
  const loop = getRunningLoop();
  const a = socket({ type: "SOCK_DGRAM" });
  a.setblocking(false);
  a.bind(["127.0.0.1", 0]);
  const c = socket({ type: "SOCK_DGRAM" });
  c.setblocking(false);
  c.bind(["127.0.0.1", 0]);
  let n = iteration();
  const waiting = ensureFuture(loop.sockRecvfrom(a, 100));
  await sleep(0);
  log("sock_sendto", await loop.sockSendto(c, b("hello"), a.getsockname()), "took", iteration() - n);
  let [data, addr] = await waiting;
  log("sock_recvfrom waited", data, same(addr, c.getsockname()) ? "True" : "False", "took", iteration() - n);
  n = iteration();
  await loop.sockSendto(c, b("world!"), a.getsockname());
  const buf = new Uint8Array(3);
  const [count, from] = await loop.sockRecvfromInto(a, buf);
  log("sock_recvfrom_into", count, buf, same(from, c.getsockname()) ? "True" : "False", "took", iteration() - n);
  n = iteration();
  await loop.sockSendto(c, b("again"), a.getsockname());
  [data, addr] = await loop.sockRecvfrom(a, 2);
  log("sock_recvfrom cut", data, "took", iteration() - n);
  a.close();
  c.close();
  const lsock = socket();
  lsock.bind(["127.0.0.1", 0]);
  lsock.listen();
  lsock.setblocking(false);
  const csock = socket();
  csock.setblocking(false);
  await loop.sockConnect(csock, lsock.getsockname());
  const [conn] = await loop.sockAccept(lsock);
  conn.setblocking(false);
  n = iteration();
  log("tcp sock_sendto", await loop.sockSendto(csock, b("x"), lsock.getsockname()), "took", iteration() - n);
  const [tcpData, tcpFrom] = await loop.sockRecvfrom(conn, 10);
  log("tcp sock_recvfrom", `(${py(tcpData)}, ${py(tcpFrom)})`, "took", iteration() - n);
  csock.close();
  conn.close();
  lsock.close();
}
