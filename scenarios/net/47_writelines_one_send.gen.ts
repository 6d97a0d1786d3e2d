import { openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log } from "../harness.js";

export const meta = {
  title: "writelines is one send",
  description: "writelines() hands its chunks to the kernel in one sendmsg(): to a closed peer it succeeds once, as one write() would. Found by the fuzzer.",
};

export function* main() {
  function* handle(_reader: StreamReader, writer: StreamWriter) {
    writer.close();
    yield* writer.waitClosed();
    log("server closed");
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  log("client reads", yield* reader.read());
  writer.writelines([b("one"), b("two"), b("three")]);
  log("writelines: is_closing", writer.isClosing());
  yield* writer.drain();
  log("drain returned");
  yield* sleep(0);
  writer.writelines([b("four"), b("five")]);
  log("writelines again: is_closing", writer.isClosing());
  try {
    yield* writer.waitClosed();
  } catch (e) {
    log("wait_closed", (e as Error).name, (e as Error).message);
  }
  server.close();
  yield* server.waitClosed();
}
