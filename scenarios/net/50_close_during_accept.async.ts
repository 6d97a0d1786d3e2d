import { createTask, openConnection, sleep, startServer } from "../../src/index.js";
import { log } from "../harness.js";

export const meta = {
  title: "server closed during an accept",
  description: "The server closes after a connection is accepted but before its transport is made: asyncio's Server._attach asserts the server is open, so no transport and no handler task. Found by the fuzzer.",
};

export async function main() {
  async function handle() {
    log("handler starts");
  }

  const server = await startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].getsockname()[1];
  const kept: unknown[] = []; // the Python twin keeps its late writer (CPython 3.12 closes one that is garbage collected)

  async function lateClient() {
    kept.push(await openConnection("127.0.0.1", port));
    log("late client connected");
  }

  async function spawner() {
    // starts connecting one iteration after main does
    createTask(() => lateClient(), { name: "late" });
  }

  createTask(() => spawner(), { name: "spawner" });
  const [, writer] = await openConnection("127.0.0.1", port);
  log("main connected");
  server.close();
  log("server closed");
  await sleep(1);
  log("a new task is", createTask(() => sleep(0)).getName());
  writer.close();
  await writer.waitClosed();
}
