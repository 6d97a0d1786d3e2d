import { ValueError, openConnection, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = { title: "write buffer limits", description: "set_write_buffer_limits: low defaults to high // 4, high to 4 * low; low > high is a ValueError." };

/** Python's tuple repr of the limits */
const tuple = ([low, high]: [number, number]) => `(${low}, ${high})`;

export function* main() {
  const server = yield* startServer((_r: StreamReader, w: StreamWriter) => w.close(), "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const [, writer] = yield* openConnection("127.0.0.1", port);
  const t = writer.transport;
  log("default", tuple(t.getWriteBufferLimits()));
  t.setWriteBufferLimits({ high: 100 });
  log("high=100", tuple(t.getWriteBufferLimits()));
  t.setWriteBufferLimits({ low: 10 });
  log("low=10", tuple(t.getWriteBufferLimits()));
  t.setWriteBufferLimits({ high: 0 });
  log("high=0", tuple(t.getWriteBufferLimits()));
  try {
    t.setWriteBufferLimits({ high: 1, low: 2 });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("ValueError", e);
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
