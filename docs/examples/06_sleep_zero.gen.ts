import { createTask, log, sleep } from "vloop";

function* player(name: string, shots: number) {
  for (let i = 0; i < shots; i++) {
    log(name, "shot", i);
    yield* sleep(0);
  }
}

export function* main() {
  const ping = createTask(player("ping", 3), { name: "ping" });
  const pong = createTask(player("pong", 3), { name: "pong" });
  yield* ping;
  yield* pong;
}
