import { gather, log, sleep } from "vloop";

async function factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i <= number; i++) {
    log(`Task ${name}: Compute factorial(${number}), currently i=${i}...`);
    await sleep(1);
    f *= i;
  }
  log(`Task ${name}: factorial(${number}) = ${f}`);
  return f;
}

export async function main() {
  // Schedule three calls *concurrently*:
  const L = await gather(
    () => factorial("A", 2),
    () => factorial("B", 3),
    () => factorial("C", 4),
  );
  log(L);
}
