import fc from "fast-check";
import { runWithTape, tapeArbitrary } from "vloop/fast-check";
import { buggy as cacheProgram } from "./cache_stampede.js";

try {
  await fc.assert(fc.asyncProperty(tapeArbitrary(), async (tape) => {
    await runWithTape(() => cacheProgram(), tape);
  }), { seed: 42 }); // a fixed seed: the same report every time
} catch (e) {
  console.log((e as Error).message);
  console.log("cause:", String((e as Error).cause));
}
