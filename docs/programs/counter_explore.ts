// explore() from code: find the double count, replay its shrunk tape, and search the fixed version the same way.
import { explore, replay } from "vloop/testing";
import { fixed, main } from "./counter_net.js";

const found = await explore(main, { runs: 500, seed: "guide" });
console.log(found.report);
try {
  await replay(main, found.shrunkTape as string);
} catch (e) {
  console.log(`replayed ${JSON.stringify(found.shrunkTape)}: ${e}`);
}
const after = await explore(fixed, { runs: 500, seed: "guide" });
console.log(after.failed ? after.report : `fixed: no failure in ${after.runs} runs`);
