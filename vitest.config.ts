import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // "vloop" is the TypeScript sources here, as tsconfig.json's paths say (the package's exports point into dist/).
    alias: [
      { find: /^vloop$/, replacement: src("index.ts") },
      { find: /^vloop\/testing$/, replacement: src("testing.ts") },
      { find: /^vloop\/vitest$/, replacement: src("vitest.ts") },
      { find: /^vloop\/fast-check$/, replacement: src("fastcheck.ts") },
      { find: /^vloop\/scenario$/, replacement: src("scenario/index.ts") },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "properties/**/*.test.ts", "scenarios/**/*.test.ts", "docs/**/*.test.ts", "playground/**/*.test.ts"],
    testTimeout: 60_000,
    // vitest's default on a 2-core machine is one worker (cores - 1); the command-line tests
    // spend most of their minute waiting for child processes, so two workers halve the wall time
    maxWorkers: 2,
  },
});
