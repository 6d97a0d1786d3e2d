/**
 * The lost-reply race, for the exploration benchmark (issue #11 item 10):
 * a client pays over a lossy link; when the reply is lost the connection
 * resets, the client retries on a new connection, and the bank (which had
 * applied the payment) applies it again. With `check` the program throws on
 * a double payment (the bug); without, every run is a full schedule.
 *
 * One bank host and the client on main; the link loses 5% of messages, so
 * each run takes one loss decision per request and reply (and per connect).
 */
import { network, openConnection, sleep, startServer, type StreamReader, type StreamWriter } from "../../src/index.js";

const enc = new TextEncoder();
const LINE = enc.encode("pay 1\n");
const OK = enc.encode("ok\n");

/** The generator-style program: `check` throws on a double payment. */
export function generatorProgram(check: boolean): () => Generator<unknown, void, unknown> {
  return function* lostReply() {
    const net = network();
    let balance = 0;
    net.host("bank", function* () {
      yield* startServer(function* (reader: StreamReader, writer: StreamWriter) {
        const line = yield* reader.readline();
        if (line.length === 0) return;
        balance += 1;
        writer.write(OK);
      }, "0.0.0.0", 8000);
    });
    net.link("main", "bank", { loss: 0.05 });
    yield* sleep(0.001);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const [reader, writer] = yield* openConnection("bank", 8000);
        writer.write(LINE);
        yield* reader.readline();
        writer.close();
        break;
      } catch {
        // a reset: try again on a new connection
      }
    }
    if (check && balance > 1) throw new Error(`paid ${balance} times`);
  };
}

// The generator program with its two inner generator functions at module level,
// taking the shared state as an argument (for the figure of what the closure
// form costs; see bench/README.md, explore_lost_reply).

interface Bank {
  balance: number;
}

function* payHandler(bank: Bank, reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
  const line = yield* reader.readline();
  if (line.length === 0) return;
  bank.balance += 1;
  writer.write(OK);
}

function* bankMain(bank: Bank): Generator<unknown, void, unknown> {
  yield* startServer((reader: StreamReader, writer: StreamWriter) => payHandler(bank, reader, writer), "0.0.0.0", 8000);
}

/** generatorProgram(check) with module-level generator functions. */
export function moduleLevelGeneratorProgram(check: boolean): () => Generator<unknown, void, unknown> {
  return function* lostReply() {
    const net = network();
    const bank: Bank = { balance: 0 };
    net.host("bank", () => bankMain(bank));
    net.link("main", "bank", { loss: 0.05 });
    yield* sleep(0.001);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const [reader, writer] = yield* openConnection("bank", 8000);
        writer.write(LINE);
        yield* reader.readline();
        writer.close();
        break;
      } catch {
        // a reset: try again on a new connection
      }
    }
    if (check && bank.balance > 1) throw new Error(`paid ${bank.balance} times`);
  };
}

/** The same program in the async style. */
export function asyncProgram(check: boolean): () => Promise<void> {
  return async function lostReply() {
    const net = network();
    let balance = 0;
    net.host("bank", async () => {
      await startServer(async (reader: StreamReader, writer: StreamWriter) => {
        const line = await reader.readline();
        if (line.length === 0) return;
        balance += 1;
        writer.write(OK);
      }, "0.0.0.0", 8000);
    });
    net.link("main", "bank", { loss: 0.05 });
    await sleep(0.001);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const [reader, writer] = await openConnection("bank", 8000);
        writer.write(LINE);
        await reader.readline();
        writer.close();
        break;
      } catch {
        // a reset: try again on a new connection
      }
    }
    if (check && balance > 1) throw new Error(`paid ${balance} times`);
  };
}
