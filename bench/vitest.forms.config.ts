/**
 * vitest configuration for bench/explore_forms.vitest.ts only (bench/explore.ts runs it):
 * the project's configuration (same aliases, same transform) with just that file included.
 */
import { defineConfig } from "vitest/config";
import base from "../vitest.config.js";

export default defineConfig({ ...base, test: { ...base.test, include: ["bench/explore_forms.vitest.ts"] } });
