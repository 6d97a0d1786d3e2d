import { ensureFuture, gather, getRunningLoop, sleep, socket } from "../../src/index.js";
import { b, iteration, log } from "../harness.js";

export const meta = { title: "the loop's sock_* calls", description: "sock_connect/accept/sendall/recv on raw sockets, and how many iterations each takes." };

export function* main() {
  const loop = getRunningLoop();
  const lsock = socket();
  lsock.bind(["127.0.0.1", 0]);
  lsock.listen();
  lsock.setblocking(false);
  const csock = socket();
  csock.setblocking(false);
  let n = iteration();
  const [, [conn]] = yield* gather(loop.sockConnect(csock, lsock.getsockname()), loop.sockAccept(lsock));
  log("connect + accept took", iteration() - n);
  conn.setblocking(false);
  n = iteration();
  yield* loop.sockSendall(csock, b("abc"));
  log("sock_sendall took", iteration() - n);
  log("sock_recv", yield* loop.sockRecv(conn, 10), "took", iteration() - n);
  n = iteration();
  const recv = ensureFuture(loop.sockRecv(conn, 10));
  yield* sleep(0);
  yield* loop.sockSendall(csock, b("later"));
  log("sock_recv waited", yield* recv, "took", iteration() - n);
  csock.close();
  log("after close", yield* loop.sockRecv(conn, 10));
  conn.close();
  lsock.close();
}
