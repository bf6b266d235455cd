// The coverage of the bundled fonts, as generated into fonts-coverage.json by
// `npm run fonts:coverage`; tests/render/fonts.test.ts fails when it is stale.
import { createRequire } from "node:module";
import { coverageFrom, type Coverage, type CoverageFile } from "./fonts-coverage-table.ts";

let cached: Coverage | undefined;

/** The coverage of the bundled fonts, parsed once per process (loaded as plain JSON: it is 200 KB). */
export function bundledCoverage(): Coverage {
  cached ??= coverageFrom(createRequire(import.meta.url)("./fonts-coverage.json") as CoverageFile);
  return cached;
}
