import { IncompleteReadError, LimitOverrunError, ValueError, getRunningLoop, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";
import { b, log, pyFloat } from "../harness.js";

export const meta = {
  title: "readuntil with several separators (Python 3.13)",
  description:
    "StreamReader.readuntil given several separators returns up to the end of the match that ends first, the shorter separator where two end at the same byte; none, or an empty one, is a ValueError; the limit and EOF errors are readuntil's.",
};

export function* handle(_reader: StreamReader, writer: StreamWriter) {
  writer.write(b("one\r\ntwo\nthree|four\r\nabcb"));
  yield* writer.drain();
  yield* sleep(1);
  writer.write(b("tail without separator"));
  writer.close();
  yield* writer.waitClosed();
}

export function* main() {
  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1] as number;
  const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 16 });
  log("crlf or lf:", yield* reader.readuntil([b("\r\n"), b("\n")]));
  log("crlf or lf:", yield* reader.readuntil([b("\n"), b("\r\n")]));
  log("pipe or crlf:", yield* reader.readuntil([b("\r\n"), b("|")]));
  log("crlf alone:", yield* reader.readuntil([b("\r\n")]));
  log("ab c or b:", yield* reader.readuntil([b("bc"), b("b")]));
  log("then cb:", yield* reader.readuntil([b("cb"), b("x")]));
  try {
    yield* reader.readuntil([]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("empty tuple:", e.message);
  }
  try {
    yield* reader.readuntil([b("\n"), b("")]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("empty separator:", e.message);
  }
  try {
    yield* reader.readuntil([b("!"), b("?")]);
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    log("limit:", e.message, e.consumed, "at", pyFloat(getRunningLoop().time()));
  }
  log("the rest:", yield* reader.read(100));
  try {
    yield* reader.readuntil([b("!"), b("?")]);
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    log("eof:", e.partial, e.expected);
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}
