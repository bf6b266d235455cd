import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** What a command gets from the outside world: streams, the working folder and environment. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The folder this tool is installed in: it holds the schema, rubric and templates. */
export const TOOL_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const RUBRIC_FILE = join(TOOL_ROOT, "rubric", "rubric.yaml");
export const TEMPLATES_DIR = join(TOOL_ROOT, "templates");

/** Today's date as YYYY-MM-DD (UTC), or the date SOURCE_DATE_EPOCH names. */
export function today(env: CliIO["env"]): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}
