// `npm run docs:methodology`: reads rubric/rubric.yaml and writes docs/methodology.md.
// The text comes from src/score/methodology.ts; tests/score/methodology.test.ts fails when
// the file is stale.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatProblem, UserError } from "../src/errors.ts";
import { writeFileAtomic } from "../src/io/files.ts";
import { methodologyMarkdown } from "../src/score/methodology.ts";
import { parseRubric } from "../src/score/rubric.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

try {
  const rubric = parseRubric(readFileSync(`${root}rubric/rubric.yaml`, "utf8"));
  writeFileAtomic(`${root}docs/methodology.md`, methodologyMarkdown(rubric));
  process.stdout.write(`wrote docs/methodology.md (rubric version ${rubric.version})\n`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  process.stderr.write(`${error.problems.length ? error.problems.map(formatProblem).join("\n") : error.message}\n`);
  process.exitCode = 1;
}
