// counter_local.ts run by vloop's run() under plain Node, as CPython runs counter_run.py.
import { run } from "vloop";
import { main } from "./counter_local.js";

await run(main);
