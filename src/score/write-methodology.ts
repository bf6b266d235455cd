// An edge script: reads rubric/rubric.yaml and writes docs/methodology.md. Run with
// `npm run docs:methodology`; tests/score/methodology.test.ts fails when the file is stale.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../io/files.ts";
import { formatProblem, UserError } from "../errors.ts";
import { methodologyMarkdown } from "./methodology.ts";
import { parseRubric } from "./rubric.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const METHODOLOGY_FILE = `${root}docs/methodology.md`;

try {
  const rubric = parseRubric(readFileSync(`${root}rubric/rubric.yaml`, "utf8"));
  writeFileAtomic(METHODOLOGY_FILE, methodologyMarkdown(rubric));
  process.stdout.write(`wrote docs/methodology.md (rubric version ${rubric.version})\n`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  process.stderr.write(`${error.problems.length ? error.problems.map(formatProblem).join("\n") : error.message}\n`);
  process.exitCode = 1;
}
