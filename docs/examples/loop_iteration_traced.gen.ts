import { log, type LoopOptions } from "vloop";

export { main } from "./loop_iteration.gen.js";

// Each time an iteration has collected its handles (after the due timers
// were moved to the ready queue), log what it is about to run.
export const options: LoopOptions = {
  onIteration(loop) {
    const { iteration, ready } = loop.snapshot();
    log(`iteration ${iteration} runs:`, ready.join(", "));
  },
};
