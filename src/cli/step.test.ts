/** vloop step's keys, on frames made up for the purpose (times 0, 0, 1, 1, 1). */
import { describe, expect, test } from "vitest";
import { nextFrame } from "./step.js";

const frame = (time: number) => ({ iteration: 0, time, ready: [], timers: [], lines: [], skipped: 0, deviations: [] });
const frames = [frame(0), frame(0), frame(1), frame(1), frame(1)];

describe("vloop step's keys", () => {
  test("s steps one frame, and quits after the last", () => {
    expect(nextFrame(frames, 0, "s")).toBe(1);
    expect(nextFrame(frames, 3, "\r")).toBe(4);
    expect(nextFrame(frames, 4, "s")).toBeNull();
  });

  test("c goes to the first frame at a later time; at the last time advance it goes to the last frame instead of quitting", () => {
    expect(nextFrame(frames, 0, "c")).toBe(2);
    expect(nextFrame(frames, 2, "c")).toBe(4); // no later time: the run's last frame is still shown
    expect(nextFrame(frames, 4, "c")).toBeNull();
  });

  test("q quits; other keys do nothing", () => {
    expect(nextFrame(frames, 1, "q")).toBeNull();
    expect(nextFrame(frames, 1, "x")).toBeUndefined();
  });
});
