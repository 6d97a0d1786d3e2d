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

describe("vloop step on a program with a network", () => {
  test("each frame shows the messages in flight as its iteration ends", async () => {
    const { renderFrame } = await import("./step.js");
    const { recordFrames: record } = await import("../scenario/recordFrames.js");
    const { main } = await import("../../docs/examples/net_client_server.async.js");
    const { frames, error } = await record(main as () => unknown);
    expect(error).toBeUndefined();
    // main writes "ping\n" in the iteration that prints "connected" (t=0.1); over the 0.05 s link it arrives at 0.15
    const writing = frames.find((f) => f.lines.some((l) => l.endsWith("connected")));
    expect(writing?.inFlight?.map((m) => `${m.kind} ${m.bytes} ${m.from}>${m.to} due ${+m.due.toFixed(6)}`)).toEqual(["data 5 main>db due 0.15"]);
    expect(renderFrame(writing as (typeof frames)[number], 0, 1, "f.ts")).toContain("in flight as the iteration ends: 1\n  #3 5 bytes main → db, sent t=0.1, arrives t=0.15");
    // the first frame (the one that made the network) already shows the SYN on its way
    expect(frames[0].inFlight?.map((m) => m.kind)).toEqual(["syn"]);
    // the last: main's FIN, sent as main closed, never arrives
    expect(frames[frames.length - 1].inFlight?.map((m) => `${m.kind} ${m.from}>${m.to}`)).toEqual(["fin main>db"]);
  });

  test("a program without a network has no such line", async () => {
    const { renderFrame } = await import("./step.js");
    const { recordFrames: record } = await import("../scenario/recordFrames.js");
    const { frames } = await record(function* () {} as () => unknown);
    expect(frames.every((f) => f.inFlight === undefined)).toBe(true);
    expect(renderFrame(frames[0], 0, 1, "f.ts")).not.toContain("in flight");
  });
});
