/**
 * A lost reply and a client that retries: the bank applied the payment, its
 * answer was lost (on a stream a lost segment resets the connection), so the
 * client sees ConnectionResetError, reconnects and sends the payment again.
 * The bank cannot tell a retry from a new payment, and debits twice.
 */
import { ConnectionResetError, type StreamReader, type StreamWriter, network, openConnection, sleep, startServer } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a lost reply and a retry that pays twice",
  bug: "the client sends `pay alice 30`; the bank debits the account and answers, the answer is lost, both ends of the connection are reset, and the client retries on a new connection: the bank debits alice a second time.",
  fix: "the client sends a request id with the payment, the same id with every retry; the bank remembers the ids it applied and answers a repeated one without debiting again.",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  network: true,
  throws: { name: "Error", message: /^alice paid 30 once and was debited 60$/ },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

function* shop(fixed: boolean): Generator<unknown, void, unknown> {
  const balances = new Map([["alice", 100]]);

  function* bank(): Generator<unknown, void, unknown> {
    const answered = new Map<string, string>(); // request id -> its answer (the fix)
    function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
      for (;;) {
        const words = dec(yield* reader.readline()).split(" ");
        if (words[0] === "") break;
        const id = fixed ? (words.shift() as string) : null; // "[id] pay alice 30"
        let answer = id === null ? undefined : answered.get(id);
        if (answer === undefined) {
          const [, who, amount] = words;
          balances.set(who, (balances.get(who) ?? 0) - Number(amount));
          answer = `ok ${who} ${balances.get(who)}`;
          if (id !== null) answered.set(id, answer);
        }
        writer.write(enc(`${answer}\n`));
        yield* writer.drain();
      }
      writer.close();
    }
    yield* startServer(handle, "0.0.0.0", 8000);
  }

  /** Sends a request and waits for the answer; on a reset, retries on a new connection (three attempts). */
  function* call(request: string): Generator<unknown, string | null, unknown> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [reader, writer] = yield* openConnection("bank", 8000);
      try {
        writer.write(enc(`${request}\n`));
        const answer = dec(yield* reader.readline());
        writer.close();
        return answer;
      } catch (e) {
        if (!(e instanceof ConnectionResetError)) throw e;
        yield* sleep(0.1 * attempt); // back off, then try again
      }
    }
    return null; // the outcome is unknown: the shop asks again later
  }

  const net = network();
  net.host("bank", bank);
  net.link("main", "bank", { latency: 0.01, loss: 0.05 });
  yield* sleep(0.01); // the bank starts listening
  const answer = yield* call(fixed ? "order-17 pay alice 30" : "pay alice 30");
  const debited = 100 - (balances.get("alice") as number); // the bank's ledger
  if (debited > 30 || (answer !== null && debited !== 30)) throw new Error(`alice paid 30 once and was debited ${debited}`);
}

export const buggy = () => shop(false);
export const fixed = () => shop(true);
