import { explore, replay } from "vloop/testing";
import { main } from "../../src/cli/fixtures/usedBeforeInit.js";

const r = await explore(() => main(), { strategy: "dfs", runs: 500 });
if (r.failed) {
  console.log(r.report);
  // the shrunk tape fails the same way, every time
  await replay(() => main(), r.shrunkTape!).catch((e) => console.log("replayed:", String(e)));
}
