/**
 * A request timeout racing its reply on a connection that is kept: the
 * client gives up on "price apple" after 0.5 s and asks "price pear" on the
 * same connection; the late answer about apples is the next line there, so
 * it is read as the price of pears.
 */
import { type StreamReader, type StreamWriter, TimeoutError, network, openConnection, sleep, startServer, waitFor } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a timeout racing its reply: the answer to the previous request",
  bug: "each request waits 0.5 s for its answer (`waitFor(reader.readline(), 0.5)`) and on a timeout the client moves on, on the same connection; when the answer to `price apple` is late, it arrives after the timeout and is read as the answer to `price pear`.",
  fix: "on a timeout the client closes the connection (whatever is still on its way belongs to a request nobody waits for) and the next request opens a new one.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  network: true,
  throws: { name: "Error", message: /^pears cost 3 \(that is the price of apples\)$/ },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();
const PRICES = new Map([["apple", 3], ["pear", 5]]);

function* priceServer(): Generator<unknown, void, unknown> {
  function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
    for (;;) {
      const line = dec(yield* reader.readline()); // "price apple"
      if (line === "") break;
      writer.write(enc(`${PRICES.get(line.split(" ")[1]) ?? "unknown"}\n`));
    }
    writer.close();
  }
  yield* startServer(handle, "0.0.0.0", 7000);
}

function* shop(fixed: boolean): Generator<unknown, void, unknown> {
  const net = network();
  net.host("prices", priceServer);
  net.link("main", "prices", { latency: [0.01, 0.5] });
  yield* sleep(0.01); // the server starts listening

  let conn: [StreamReader, StreamWriter] | null = null;
  function* price(item: string): Generator<unknown, number | null, unknown> {
    conn ??= yield* openConnection("prices", 7000);
    const [reader, writer] = conn;
    writer.write(enc(`price ${item}\n`));
    try {
      return Number(dec(yield* waitFor(reader.readline(), 0.5)));
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      if (fixed) {
        writer.close(); // the late answer must not be read by the next request
        conn = null;
      }
      return null; // no price this time
    }
  }

  const apple = yield* price("apple");
  const pear = yield* price("pear");
  if (apple !== null && apple !== 3) throw new Error(`apples cost ${apple}`);
  if (pear === 3) throw new Error("pears cost 3 (that is the price of apples)");
  if (pear !== null && pear !== 5) throw new Error(`pears cost ${pear}`);
}

export const buggy = () => shop(false);
export const fixed = () => shop(true);
