/**
 * Law: a run on the simulated network is a pure function of (program, seed,
 * strategy), its tape replays it, and the empty tape is the perfect network.
 *
 * Programs (random): a line server on host "srv" and 1-3 client hosts, each
 * sending 1-4 lines over one connection and reading the answers, on links
 * with random latency (fixed or a range), loss and a partition that may cut
 * the path for a while; every client logs what it got, or the error that
 * ended it. For each program and a random seed:
 *   (a) the random strategy gives the same log and tape twice;
 *   (b) replaying that tape gives the same log;
 *   (c) with the empty tape (CPython's order, no fault decided) every client
 *       gets every answer: loss and latency ranges are decisions, and their
 *       alternative 0 is the fault-free one (a partition is a fact of the
 *       program: it only delays a connection, never loses it).
 *
 * Replay a failure: fast-check prints `seed` and `path`; put them in the
 * fc.assert options below: fc.assert(prop, { seed, path }).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getRunningLoop, network, openConnection, run, sleep, startServer, type StreamReader, type StreamWriter } from "../src/index.js";
import { replay } from "../src/testing.js";
import { formatTape } from "../src/schedule/tape.js";
import { runs } from "./support/config.js";

interface Client {
  lines: number;
  latency: number | [number, number];
  loss: number;
  /** a partition of this client's link from `cut[0]` for `cut[1]` seconds, or none */
  cut: [number, number] | null;
}

const clientArb: fc.Arbitrary<Client> = fc.record({
  lines: fc.integer({ min: 1, max: 4 }),
  latency: fc.oneof(
    fc.constantFrom(0, 0.001, 0.25),
    fc.tuple(fc.constantFrom(0, 0.001), fc.constantFrom(0.01, 0.5)).map(([lo, hi]): [number, number] => [lo, hi]),
  ),
  loss: fc.constantFrom(0, 0.1, 0.5),
  cut: fc.option(fc.tuple(fc.constantFrom(0, 0.01, 0.3), fc.constantFrom(0.5, 2)), { nil: null }),
});

const programArb = fc.array(clientArb, { minLength: 1, maxLength: 3 });

const enc = new TextEncoder();
const dec = new TextDecoder();

function programOf(clients: readonly Client[], log: string[]): () => Generator<unknown, void, unknown> {
  return function* () {
    const net = network();
    net.host("srv", function* () {
      yield* startServer(function* (r: StreamReader, w: StreamWriter) {
        for (;;) {
          const line = yield* r.readline();
          if (line.length === 0) break;
          w.write(enc.encode(`ok ${dec.decode(line)}`));
        }
        w.close();
      }, "0.0.0.0", 7);
    });
    clients.forEach((c, k) => {
      const name = `c${k}`;
      net.host(name, function* () {
        yield* sleep(0.001); // the server listens by then
        try {
          const [reader, writer] = yield* openConnection("srv", 7);
          for (let i = 0; i < c.lines; i++) {
            writer.write(enc.encode(`${name}.${i}\n`));
            const answer = dec.decode(yield* reader.readline()).trim();
            log.push(`${name} ${answer || "EOF"} at ${getRunningLoop().time()}`);
          }
          writer.close();
        } catch (e) {
          log.push(`${name} ${(e as Error).name} at ${getRunningLoop().time()}`);
        }
      });
      net.link(name, "srv", { latency: c.latency, loss: c.loss });
      if (c.cut !== null) {
        const [from, length] = c.cut;
        getRunningLoop().callLater(from, () => net.partition(name, "srv"));
        getRunningLoop().callLater(from + length, () => net.repair(name, "srv"));
      }
    });
    yield* sleep(200); // past every SYN retry and timeout
  };
}

describe("law: network runs are functions of their seed, replay from their tapes, and the empty tape is the perfect network", () => {
  it("holds on random clients, links, losses and partitions", async () => {
    await fc.assert(
      fc.asyncProperty(programArb, fc.integer({ min: 0, max: 1_000_000 }), async (clients, seed) => {
        const first: string[] = [];
        let tape: number[] = [];
        await run(programOf(clients, first), { strategy: "random", seed, onLoop: (l) => (tape = l.tape) });
        // (a)
        const second: string[] = [];
        let tape2: number[] = [];
        await run(programOf(clients, second), { strategy: "random", seed, onLoop: (l) => (tape2 = l.tape) });
        expect(second).toEqual(first);
        expect(tape2).toEqual(tape);
        // (b)
        const replayed: string[] = [];
        await replay(programOf(clients, replayed), formatTape(tape));
        expect(replayed).toEqual(first);
        // (c)
        const perfect: string[] = [];
        await replay(programOf(clients, perfect), "");
        const expected = clients.flatMap((c, k) => Array.from({ length: c.lines }, (_, i) => `c${k} ok c${k}.${i}`));
        expect(perfect.map((l) => l.replace(/ at .*$/, "")).sort()).toEqual(expected.sort());
      }),
      { numRuns: runs(150) },
    );
  });
});
