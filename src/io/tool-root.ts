import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder this tool is installed in: it holds package.json, the schema, rubric and
 * templates. Found by going up from this file, which is src/io/ when run from the sources
 * and dist/src/io/ when run compiled.
 */
export const TOOL_ROOT = findToolRoot(fileURLToPath(new URL(".", import.meta.url)));

function findToolRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "rubric"))) return dir;
    if (dirname(dir) === dir) return fileURLToPath(new URL("../..", import.meta.url));
  }
}
