import { gather, log } from "vloop";

async function double(x: number) {
  return 2 * x; // no await inside: nothing here gives up control
}

async function a() {
  log("A: before");
  let x = await double(1);
  x = await double(x);
  log("A: after two awaits, x =", x);
}

async function b() {
  log("B: my turn");
}

export async function main() {
  await gather(a, b);
}
