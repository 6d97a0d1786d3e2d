/**
 * explore_forms measured inside a vitest test, so the program is compiled by
 * vitest's own TypeScript transform (not tsx's, not ours). Not part of `npm test`
 * (its include does not reach bench/); bench/explore.ts copies it into a user's
 * project (see userProject there) and runs it there with
 *   VLOOP_FORMS_OUT=FILE VLOOP_FORMS_RUNS=N vitest run --config vitest.config.mjs
 * and reads the report from FILE.
 */
import { writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { measureForms } from "./explore_forms.js";

test("explore_forms under vitest's transform", async () => {
  const report = await measureForms("vitest", Math.max(1, Number(process.env.VLOOP_FORMS_RUNS ?? 3)));
  expect(report.sides.length).toBeGreaterThan(0);
  const out = process.env.VLOOP_FORMS_OUT;
  if (out) writeFileSync(out, JSON.stringify(report) + "\n");
  else console.log(JSON.stringify(report));
}, 300_000);
