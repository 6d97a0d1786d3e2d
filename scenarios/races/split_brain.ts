/**
 * Split brain: a toy leader election (n1, n2, n3; heartbeats every 0.1 s)
 * in which a follower that hears no heartbeat for a while makes itself
 * leader. A partition that cuts n1 off makes n2 leader, and n1, which hears
 * nothing to the contrary (TCP keeps its heartbeats, it does not fail
 * them), stays leader too.
 */
import { type StreamReader, type StreamWriter, getRunningLoop, network, openConnection, sleep, startServer } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a partition that makes two leaders (split brain)",
  bug: "a follower that hears no heartbeat for its election timeout (n2 0.5 s, n3 0.7 s) makes itself leader. When a partition cuts n1 off from n2 and n3, n2 becomes leader while n1, whose heartbeats TCP holds without failing them, is still leader: two leaders.",
  fix: "majority quorum: a candidate becomes leader only with a vote from a majority (itself and one more of three), and a leader steps down when no majority has acknowledged its heartbeats for 0.3 s, less than any election timeout.",
  strategy: "random",
  budget: 100,
  heisenbug: true,
  network: true,
  throws: { name: "Error", message: /^two leaders at t=[\d.]+: n1 and n2$/ },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();
const NODES = ["n1", "n2", "n3"];
const ELECTION_TIMEOUT: Record<string, number> = { n1: 0.6, n2: 0.5, n3: 0.7 };

function* cluster(fixed: boolean): Generator<unknown, void, unknown> {
  const loop = getRunningLoop();
  const leaders = new Set<string>();
  let twoLeaders: string | null = null;

  function* node(id: string): Generator<unknown, void, unknown> {
    let term = 1;
    let leader = id === "n1"; // n1 starts as the leader
    let votedFor = id === "n1" ? "n1" : "";
    let lastHeard = 0; // the leader's last heartbeat
    const lastAck = new Map<string, number>(); // as leader: each peer's last ack
    const votes = new Set<string>();
    const setLeader = (yes: boolean) => {
      leader = yes;
      if (yes) leaders.add(id);
      else leaders.delete(id);
      if (leaders.size > 1 && twoLeaders === null) twoLeaders = `two leaders at t=${loop.time().toFixed(2)}: ${[...leaders].sort().join(" and ")}`;
    };
    const seeTerm = (t: number) => {
      if (t > term) {
        term = t;
        votedFor = "";
        if (leader) setLeader(false);
      }
    };
    if (leader) setLeader(true);

    function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
      for (;;) {
        const [what, t, from] = dec(yield* reader.readline()).split(" ");
        if (what === "") break;
        seeTerm(Number(t));
        if (what === "heartbeat" && Number(t) === term) {
          lastHeard = loop.time();
          writer.write(enc(`ack ${term} ${id}\n`));
        } else if (what === "vote" && Number(t) === term && (votedFor === "" || votedFor === from)) {
          votedFor = from;
          lastHeard = loop.time();
          writer.write(enc(`yes ${term} ${id}\n`));
        } else {
          writer.write(enc(`no ${term} ${id}\n`));
        }
      }
      writer.close();
    }

    function* listen(peer: string, reader: StreamReader): Generator<unknown, void, unknown> {
      for (;;) {
        const [what, t] = dec(yield* reader.readline()).split(" ");
        if (what === "") return;
        seeTerm(Number(t));
        if (Number(t) !== term) continue;
        if (what === "ack") lastAck.set(peer, loop.time());
        if (what === "yes") votes.add(peer);
      }
    }

    yield* startServer(handle, "0.0.0.0", 9000);
    yield* sleep(0.05); // every node listens
    const peers = new Map<string, StreamWriter>();
    for (const peer of NODES.filter((n) => n !== id)) {
      const [reader, writer] = yield* openConnection(peer, 9000);
      peers.set(peer, writer);
      void loop.createTask(listen(peer, reader));
    }
    lastHeard = loop.time();
    for (;;) {
      yield* sleep(0.1);
      const now = loop.time();
      if (leader) {
        for (const w of peers.values()) w.write(enc(`heartbeat ${term} ${id}\n`));
        const newest = Math.max(0.05, ...lastAck.values());
        if (fixed && now - newest > 0.3) setLeader(false); // no majority hears me: step down
      } else if (now - lastHeard > ELECTION_TIMEOUT[id]) {
        term++;
        votedFor = id;
        if (!fixed) {
          setLeader(true); // nobody heard from the leader: take over
        } else {
          votes.clear();
          for (const w of peers.values()) w.write(enc(`vote ${term} ${id}\n`));
          const asked = term;
          yield* sleep(0.05);
          if (term === asked && votes.size + 1 >= 2) setLeader(true); // a majority of three
        }
        lastHeard = loop.time();
        lastAck.clear();
        if (leader) for (const peer of peers.keys()) lastAck.set(peer, loop.time());
      }
    }
  }

  const net = network();
  net.defaults({ latency: 0.01 });
  for (const id of NODES) net.host(id, () => node(id));
  yield* sleep(1);
  if (net.maybe(0.1, "partition n1 from n2 and n3")) {
    net.partition("n1", "n2");
    net.partition("n1", "n3");
  }
  yield* sleep(1);
  net.repair();
  yield* sleep(1);
  if (twoLeaders !== null) throw new Error(twoLeaders);
}

export const buggy = () => cluster(false);
export const fixed = () => cluster(true);
