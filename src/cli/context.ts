import { join } from "node:path";
import { TOOL_ROOT } from "../io/tool-root.ts";

/** What a command gets from the outside world: streams, the working folder and environment. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export { TOOL_ROOT };
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
