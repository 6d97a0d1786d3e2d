// The worker thread's entry in a clone of the repository, where the command
// line runs from src/ through tsx: worker threads do not inherit the tsx
// loader, so register it here, then load the TypeScript worker. (The
// installed package runs dist/cli/exploreWorker.js directly.)
import { register } from "tsx/esm/api";

register();
globalThis[Symbol.for("vloop.tsxRegistered")] = true; // src/cli/load.ts: no second registration
await import("./exploreWorker.ts");
