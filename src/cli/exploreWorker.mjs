// The entry of each `vloop explore --workers N` thread: worker threads do not
// inherit the tsx loader, so register it here, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
const worker = await import("./exploreWorker.ts");
export default worker.default;
