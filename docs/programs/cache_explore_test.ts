import { exploreTest } from "vloop/vitest";
import { fixed as cacheProgram } from "./cache_stampede.js";

exploreTest("the cache never fetches twice", () => cacheProgram(), { strategy: "pct", runs: 500 });
