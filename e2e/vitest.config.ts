import { defineConfig } from "vitest/config";

// `npm run test:package`: the packed tarball in fresh consumer projects (see package.test.ts).
export default defineConfig({
  test: {
    include: ["e2e/package.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
