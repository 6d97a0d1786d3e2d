import { Protocol, type SocketTransport, createConnection, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { iteration, log } from "../harness.js";

export const meta = { title: "iterations of connecting", description: "How many iterations each step of setting up a connection takes." };

/** asyncio.Protocol: does nothing, closes on EOF */
class Plain extends Protocol {
  override connectionMade(_transport: SocketTransport) {}
  override dataReceived(_data: Uint8Array) {}
  override eofReceived() {}
  override connectionLost(_exc: unknown) {}
}

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    log("handler starts at", iteration());
    writer.close();
  }

  let n = iteration();
  const server = yield* startServer(handle, "127.0.0.1", 0);
  log("start_server took", iteration() - n);
  const port = server.sockets[0].getsockname()[1];
  n = iteration();
  const [, writer] = yield* openConnection("127.0.0.1", port);
  log("open_connection took", iteration() - n, "returned at", iteration());
  n = iteration();
  const [transport] = yield* createConnection(() => new Plain(), "127.0.0.1", port);
  log("create_connection took", iteration() - n);
  yield* sleep(0);
  transport.close();
  writer.close();
  yield* writer.waitClosed();
  n = iteration();
  server.close();
  yield* server.waitClosed();
  log("server close + wait_closed took", iteration() - n);
}
