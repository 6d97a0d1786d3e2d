import { type EventLoop, RuntimeError, ValueError, newEventLoop, sleep } from "../../src/index.js";
import { say } from "./say.js";

export const meta = {
  title: "What a loop refuses",
  description: "A running loop refuses to run again or to close, another loop refuses to run inside it, a loop refuses a future of another loop, and a closed loop refuses to run or schedule callbacks but still makes futures.",
};

function refused(what: string, e: unknown): void {
  if (!(e instanceof RuntimeError)) throw e;
  say(...(what ? [what] : []), "RuntimeError", e.message);
}

async function inside(loop: EventLoop) {
  try {
    await loop.runUntilComplete(sleep(0));
  } catch (e) {
    refused("", e);
  }
  try {
    await loop.runForever();
  } catch (e) {
    refused("", e);
  }
  try {
    loop.close();
  } catch (e) {
    refused("", e);
  }
  const other = newEventLoop();
  try {
    await other.runForever();
  } catch (e) {
    refused("", e);
  }
  try {
    await other.runUntilComplete(other.createFuture());
  } catch (e) {
    refused("", e);
  }
  other.close();
  return "inside done";
}

export async function main(): Promise<void> {
  const loop = newEventLoop();
  say(await loop.runUntilComplete(() => inside(loop)));
  const other = newEventLoop();
  try {
    await loop.runUntilComplete(other.createFuture());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    say("ValueError", e.message);
  }
  try {
    await loop.runUntilComplete("blah" as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    say("TypeError");
  }
  other.close();
  loop.close();
  const f = loop.createFuture();
  say("a closed loop still makes futures:", f.done());
  const attempts: [string, () => unknown][] = [
    ["run_forever", () => loop.runForever()],
    ["run_until_complete", () => loop.runUntilComplete(f)],
    ["call_soon", () => loop.callSoon(() => undefined)],
    ["call_later", () => loop.callLater(1, () => undefined)],
  ];
  for (const [what, fn] of attempts) {
    try {
      await fn();
    } catch (e) {
      refused(what, e);
    }
  }
}
