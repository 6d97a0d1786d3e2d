#!/usr/bin/env node
// The `vloop` command. Installed from npm, it runs the compiled command line
// in dist/. In a clone of the repository (src/ beside bin/, not published),
// it runs the TypeScript sources through tsx, a development dependency, so
// the command line needs no build step while vloop itself is worked on.
import { existsSync } from "node:fs";

if (existsSync(new URL("../src/cli/vloop.ts", import.meta.url))) {
  const { register } = await import("tsx/esm/api");
  register();
  globalThis[Symbol.for("vloop.tsxRegistered")] = true; // src/cli/load.ts: no second registration
  await import("../src/cli/vloop.ts");
} else {
  await import("../dist/cli/vloop.js");
}
