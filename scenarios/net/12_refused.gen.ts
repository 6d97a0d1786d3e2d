import { ConnectionRefusedError, OSError, openConnection, waitFor } from "../../src/index.js";
import { iteration, log } from "../harness.js";

export const meta = {
  title: "connection refused",
  description: "Connecting where nothing listens: ConnectionRefusedError after 2 iterations, taking no virtual time. (CPython's twin binds a probe socket to find a free port; nothing listens on port 9 here.)",
};

export function* main() {
  const port = 9; // nothing listens there
  const start = iteration();
  try {
    yield* openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof ConnectionRefusedError)) throw e;
    log("ConnectionRefusedError", e.errno === 111, "after", iteration() - start, "iterations");
  }
  try {
    yield* waitFor(openConnection("127.0.0.1", port), 1);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    log(e.name);
  }
  return "done";
}
