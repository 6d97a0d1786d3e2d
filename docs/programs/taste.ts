import { gather, getRunningLoop, run, sleep } from "vloop";

async function factorial(name: string, n: number): Promise<number> {
  let f = 1;
  for (let i = 2; i <= n; i++) {
    await sleep(1);            // virtual seconds: returns at once in wall time
    f *= i;
  }
  console.log(`t=${getRunningLoop().time()} ${name}: factorial(${n}) = ${f}`);
  return f;
}

const results = await run(() => gather(() => factorial("A", 2), () => factorial("B", 3), () => factorial("C", 4)));
console.log(results);
