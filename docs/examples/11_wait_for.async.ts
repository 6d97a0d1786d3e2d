import { TimeoutError, log, sleep, waitFor } from "vloop";

async function eternity() {
  // Sleep for one hour
  await sleep(3600);
  log("yay!");
}

export async function main() {
  // Wait for at most 1 second
  try {
    await waitFor(() => eternity(), 1.0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("timeout!");
  }
}
