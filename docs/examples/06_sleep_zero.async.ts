import { createTask, log, sleep } from "vloop";

async function player(name: string, shots: number) {
  for (let i = 0; i < shots; i++) {
    log(name, "shot", i);
    await sleep(0);
  }
}

export async function main() {
  const ping = createTask(() => player("ping", 3), { name: "ping" });
  const pong = createTask(() => player("pong", 3), { name: "pong" });
  await ping;
  await pong;
}
