/**
 * A small key-value store written as users write them: a primary that
 * answers `set` at once and forwards it to a replica, and a client that
 * writes to the primary and reads from the replica. On a slow link the
 * replica has not applied the write yet when the client reads it back.
 */
import { type StreamReader, type StreamWriter, network, openConnection, sleep, startServer } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a stale read from a replica (read-your-writes broken)",
  bug: "the primary answers `set cart 3` as soon as it has applied it, and forwards it to the replica in the background; the client then reads `get cart` from the replica. When the forwarded write is slower than the client's round trips, the replica still has the old value.",
  fix: "the primary forwards the write and waits for the replica's `ok` before it answers the client (synchronous replication), so a write the client has seen acknowledged is on both.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  network: true,
  throws: { name: "Error", message: /^read 1 from the replica after writing 3$/ },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

/** A key-value server: `set K V`, `get K`; a primary forwards each set to its replica. */
function* kvServer(replica: string | null, fixed: boolean): Generator<unknown, void, unknown> {
  const data = new Map<string, string>([["cart", "1"]]);
  let toReplica: [StreamReader, StreamWriter] | null = null;
  function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
    for (;;) {
      const [cmd, key, value] = dec(yield* reader.readline()).split(" ");
      if (cmd === "set") {
        data.set(key, value);
        if (toReplica !== null) {
          const [r, w] = toReplica;
          w.write(enc(`set ${key} ${value}\n`)); // forward to the replica
          if (fixed) yield* r.readline(); // and wait for its ok (the buggy primary never reads it)
        }
        writer.write(enc("ok\n"));
      } else if (cmd === "get") {
        writer.write(enc(`${data.get(key) ?? ""}\n`));
      } else {
        break;
      }
    }
    writer.close();
  }
  yield* startServer(handle, "0.0.0.0", 7379);
  if (replica !== null) {
    yield* sleep(0.01); // the replica starts listening
    toReplica = yield* openConnection(replica, 7379);
  }
}

function* client(fixed: boolean): Generator<unknown, void, unknown> {
  const net = network();
  net.host("replica", () => kvServer(null, fixed));
  net.host("primary", () => kvServer("replica", fixed));
  net.defaults({ latency: [0.001, 0.02] });
  yield* sleep(0.1); // both servers are up
  const [pr, pw] = yield* openConnection("primary", 7379);
  const [rr, rw] = yield* openConnection("replica", 7379);

  pw.write(enc("set cart 3\n"));
  yield* pr.readline(); // ok
  rw.write(enc("get cart\n"));
  const cart = dec(yield* rr.readline());
  pw.close();
  rw.close();
  if (cart !== "3") throw new Error(`read ${cart} from the replica after writing 3`);
}

export const buggy = () => client(false);
export const fixed = () => client(true);
