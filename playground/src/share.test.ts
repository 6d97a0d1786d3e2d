/** Share links: what goes in comes out, through the URL's rules. */
import { describe, expect, test } from "vitest";
import { decodeShare, encodeShare } from "./share.js";
import { shareLink } from "../shareLink.js";

const program = `import { log, sleep } from "vloop";\n\nexport async function main() {\n  log("héllo ✓ & #?=%");\n  await sleep(1);\n}\n`;

describe("share links", () => {
  test("program, tape, export and iteration make the round trip, through a URL", () => {
    const state = { program, exportName: "buggy", tape: "jitter=0.2;0:3,12:1", iteration: 7 };
    const hash = encodeShare(state);
    expect(hash).toMatch(/^v1=[A-Za-z0-9+\-$]*$/); // nothing a URL would escape
    const url = new URL(`https://example.org/playground/#${hash}`);
    expect(decodeShare(url.hash)).toEqual(state);
  });

  test("defaults are left out and come back as absent", () => {
    expect(decodeShare(encodeShare({ program, exportName: "main", tape: "" }))).toEqual({ program });
    expect(decodeShare("")).toBeNull();
    expect(decodeShare("#")).toBeNull();
  });

  test("a hash that is not a link, or was cut short, says so", () => {
    expect(() => decodeShare("#hello")).toThrow(/not a playground link/);
    const hash = encodeShare({ program });
    expect(() => decodeShare(hash.slice(0, 10))).toThrow(/damaged/);
  });

  test("shareLink (for the docs) makes the page's own links", () => {
    const link = shareLink(program, { tape: "0:3", iteration: 2, exportName: "buggy", base: "https://example.org/playground/" });
    expect(link.startsWith("https://example.org/playground/#v1=")).toBe(true);
    expect(decodeShare(new URL(link).hash)).toEqual({ program, tape: "0:3", iteration: 2, exportName: "buggy" });
    expect(shareLink(program)).toBe(`http://localhost:8000/#${encodeShare({ program })}`);
  });
});
