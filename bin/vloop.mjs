#!/usr/bin/env node
// The `vloop` command: registers tsx so scenario files load as TypeScript
// without a build step, then runs the command line.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/vloop.ts");
