import { gather, sleep } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "factorial with gather",
  description: "gather() wraps each coroutine in a task, runs them concurrently and returns their results in argument order.",
};

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    log(`Task ${name}: Compute factorial(${number}), currently i=${i}...`);
    yield* sleep(1);
    f *= i;
  }
  log(`Task ${name}: factorial(${number}) = ${f}`);
  return f;
}

export function* main() {
  const results = yield* gather(
    factorial("A", 2),
    factorial("B", 3),
    factorial("C", 4),
  );
  log(results);
  return results;
}
