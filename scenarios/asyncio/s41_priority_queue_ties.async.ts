import { PriorityQueue } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "PriorityQueue orders ties by the whole tuple",
  description: "PriorityQueue pops the smallest item as heapq compares it: tuples with equal priorities come out by their second element, not in insertion order.",
};

export async function main() {
  const q = new PriorityQueue<[number, string]>();
  for (const item of [[2, "b"], [1, "z"], [2, "a"], [1, "m"], [0, "q"], [2, "c"]] as [number, string][]) {
    q.putNowait(item);
  }
  const out: string[] = [];
  while (!q.empty()) {
    const [prio, payload] = q.getNowait();
    log("got", prio, payload);
    out.push(payload);
  }
  const n = new PriorityQueue<number>();
  for (const x of [5, 3, 5, 1, 4]) {
    await n.put(x);
  }
  const nums = Array.from({ length: n.qsize() }, () => n.getNowait());
  log("numbers:", nums);
  return out;
}
