/** The messages between the page and its worker. */
import type { Frame } from "../../src/scenario/recordFrames.js";
import type { Lane } from "../../src/trace/model.js";
import type { ChoiceRecord } from "../../src/loop/baseEventLoop.js";
import type { StrategyName } from "../../src/explore/explore.js";

/** Run the program once (CPython's order, or following `tape`). */
export interface RunRequest {
  type: "run";
  code: string;
  exportName: string;
  tape?: string;
}

/** Explore the program's schedules; a failure is shrunk and then run with its shrunk tape. */
export interface ExploreRequest {
  type: "explore";
  code: string;
  exportName: string;
  strategy: StrategyName;
  runs: number;
  seed: string;
}

export type Request = RunRequest | ExploreRequest;

/** Where an error points in the program: a 1-based line (and column when known). */
export interface ProgramError {
  text: string;
  line?: number;
  column?: number;
}

/** One run, everything the panels show. */
export interface RunResult {
  type: "ran";
  /** the exported functions the program has (the page's entry menu) */
  exports: string[];
  exportName: string;
  /** the tape the run followed ("" = CPython's order) */
  tape: string;
  /** every line, as `vloop run` prints them */
  lines: string[];
  /** what console.log printed, in order */
  console: string[];
  frames: Frame[];
  dropped: number;
  /** main's error, a deadlock or a step budget: `vloop run`'s "error:" text */
  error?: ProgramError;
  /** the timeline, drawn by src/trace/svg.ts, and its columns for the scrubber */
  svg: string;
  columns: { i: number; t: number; x: number; w: number }[];
  /** the tasks, from the trace model */
  lanes: Lane[];
  /** every decision of the run (when it followed a tape) */
  choices: ChoiceRecord[];
  /** true: the program has no exported function, and ran itself on import (a script) */
  script: boolean;
}

export interface Progress {
  type: "progress";
  done: number;
  total: number;
}

export interface Explored {
  type: "explored";
  failed: boolean;
  runs: number;
  strategy: string;
  exhausted?: boolean;
  tape?: string;
  shrunkTape?: string;
  report?: string;
  error?: string;
}

/** The program could not be loaded or run at all (a syntax error, a bad import). */
export interface Failed {
  type: "failed";
  error: ProgramError;
  console: string[];
}

/** The worker has the request and starts on it: the time limit counts from here (not from the worker's start-up). */
export interface Started {
  type: "started";
}

export type Reply = Started | RunResult | Progress | Explored | Failed;
