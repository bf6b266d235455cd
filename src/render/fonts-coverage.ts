// The coverage of the bundled fonts, as generated into fonts-coverage.json by
// `npm run fonts:coverage`; tests/render/fonts-coverage.test.ts fails when it is stale.
import table from "./fonts-coverage.json" with { type: "json" };
import { coverageFrom, type Coverage, type CoverageFile } from "./fonts-coverage-table.ts";

let cached: Coverage | undefined;

/** The coverage of the bundled fonts, parsed once per process. */
export function bundledCoverage(): Coverage {
  cached ??= coverageFrom(table as unknown as CoverageFile);
  return cached;
}
