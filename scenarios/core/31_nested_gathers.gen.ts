import { gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "nested gathers",
  description: "A gather can be a child of another gather; results nest, and tasks are created in the order the gather() calls are evaluated.",
};

function* leaf(n: number, delay: number) {
  yield* sleep(delay);
  log("leaf", n, "done");
  return n;
}

export function* main() {
  const results = yield* gather(
    gather(leaf(1, 3), leaf(2, 1)),
    gather(leaf(3, 2)),
    leaf(4, 0),
  );
  log("results:", results);
  return results;
}
