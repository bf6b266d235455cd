import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** What a command gets from the outside world: streams, the working folder and environment. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The folder this tool is installed in: it holds package.json, the schema, rubric and
 * templates. Found by going up from this file, which is src/cli/ when run from the sources
 * and dist/src/cli/ when run compiled.
 */
export const TOOL_ROOT = findToolRoot(fileURLToPath(new URL(".", import.meta.url)));

function findToolRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "rubric"))) return dir;
    if (dirname(dir) === dir) return fileURLToPath(new URL("../..", import.meta.url));
  }
}
export const RUBRIC_FILE = join(TOOL_ROOT, "rubric", "rubric.yaml");
export const TEMPLATES_DIR = join(TOOL_ROOT, "templates");

/**
 * Today's date as YYYY-MM-DD (UTC), for the "no date in the future" check. SCORECARD_TODAY
 * pins it in tests. SOURCE_DATE_EPOCH deliberately does not: it fixes the date printed on a
 * reproducible PDF, which is often older than the data, and must not make valid data invalid.
 */
export function today(env: CliIO["env"]): string {
  const pinned = env.SCORECARD_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}
