import { readFileSync } from "node:fs";
import { test } from "vitest";
import { replay } from "vloop/testing";
import { exploreTest } from "vloop/vitest";
import { fixed } from "./counter_net.js";

// search: the fixed counter under 300 schedules of latencies, losses and partitions
exploreTest("a page view is never counted twice", () => fixed(), { runs: 300, seed: "ci" });

// regression: the partition vloop found in the first version, replayed against the fix
const saved = JSON.parse(readFileSync(new URL("./counter_tapes/counter_net-main-bdea366d.tape.json", import.meta.url), "utf8"));
test(`the fix counts once under the saved schedule ${JSON.stringify(saved.tape)}`, () => replay(() => fixed(), saved.tape));
