import { gather, log, sleep } from "vloop";

async function sleeper(name: string, fired: string[]) {
  await sleep(1);
  fired.push(name);
}

export async function main() {
  // n tasks sleep(1) from the same instant: n timers with one deadline.
  for (const n of [2, 3, 4, 5, 6]) {
    const fired: string[] = [];
    await gather(...Array.from({ length: n }, (_, i) => () => sleeper(`t${i}`, fired)));
    log(n, "tied timers fire:", fired.join(" "));
  }
}
