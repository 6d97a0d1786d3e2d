import { gather, log, sleep } from "vloop";

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i <= number; i++) {
    log(`Task ${name}: Compute factorial(${number}), currently i=${i}...`);
    yield* sleep(1);
    f *= i;
  }
  log(`Task ${name}: factorial(${number}) = ${f}`);
  return f;
}

export function* main() {
  // Schedule three calls *concurrently*:
  const L = yield* gather(
    factorial("A", 2),
    factorial("B", 3),
    factorial("C", 4),
  );
  log(L);
}
