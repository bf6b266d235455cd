import { mkdtempSync, cpSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type CliIO } from "../src/cli/main.ts";

export const FIXTURES = join(import.meta.dirname, "fixtures");
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);
export const readFixture = (...parts: string[]) => readFileSync(fixture(...parts), "utf8");

/** A fresh temporary folder, optionally with files copied in. */
export function tempDir(copy: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-test-"));
  for (const [to, from] of Object.entries(copy)) cpSync(from, join(dir, to), { recursive: true });
  return dir;
}

/** Runs the CLI in-process and captures what it prints. */
export async function cli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
