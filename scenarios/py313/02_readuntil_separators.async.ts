import { IncompleteReadError, LimitOverrunError, ValueError, getRunningLoop, openConnection, startServer } from "../../src/index.js";
import { b, log, pyFloat } from "../harness.js";
import { handle } from "./02_readuntil_separators.gen.js";

export const meta = {
  title: "readuntil with several separators (Python 3.13)",
  description:
    "StreamReader.readuntil given several separators returns up to the end of the match that ends first, the shorter separator where two end at the same byte; none, or an empty one, is a ValueError; the limit and EOF errors are readuntil's.",
};

// the server side is the generator twin's handler
export async function main() {
  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1] as number;
  const [reader, writer] = await openConnection("127.0.0.1", port, { limit: 16 });
  log("crlf or lf:", await reader.readuntil([b("\r\n"), b("\n")]));
  log("crlf or lf:", await reader.readuntil([b("\n"), b("\r\n")]));
  log("pipe or crlf:", await reader.readuntil([b("\r\n"), b("|")]));
  log("crlf alone:", await reader.readuntil([b("\r\n")]));
  log("ab c or b:", await reader.readuntil([b("bc"), b("b")]));
  log("then cb:", await reader.readuntil([b("cb"), b("x")]));
  try {
    await reader.readuntil([]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("empty tuple:", e.message);
  }
  try {
    await reader.readuntil([b("\n"), b("")]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log("empty separator:", e.message);
  }
  try {
    await reader.readuntil([b("!"), b("?")]);
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    log("limit:", e.message, e.consumed, "at", pyFloat(getRunningLoop().time()));
  }
  log("the rest:", await reader.read(100));
  try {
    await reader.readuntil([b("!"), b("?")]);
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    log("eof:", e.partial, e.expected);
  }
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
}
