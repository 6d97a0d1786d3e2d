import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "properties/**/*.test.ts", "scenarios/**/*.test.ts", "docs/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
