// A throwaway git repository with dated commits, for the history and editions tests.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { RUBRIC_FILE, TOOL_ROOT } from "../../src/cli/context.ts";
import { tempDir } from "../helpers.ts";

const baseEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.org",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.org",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

export const RUBRIC_TEXT = readFileSync(RUBRIC_FILE, "utf8");
export const LA_TEXT = readFileSync(join(TOOL_ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml"), "utf8");
export const LA_PATH = "scorecards/los-angeles-regional-human-trafficking-task-force.yaml";

/** The real rubric under another version name, with some weights changed: another method. */
export function rubricVariant(version: string, weights: Record<string, number> = {}): string {
  let text = RUBRIC_TEXT.replace(/^version: .*$/m, `version: "${version}"`);
  for (const [id, weight] of Object.entries(weights)) {
    const at = text.indexOf(`  - id: ${id}\n`);
    if (at < 0) throw new Error(`no criterion ${id} in the rubric`);
    const w = text.indexOf("    weight: ", at);
    const end = text.indexOf("\n", w);
    text = text.slice(0, w) + `    weight: ${weight}` + text.slice(end);
  }
  return text;
}

export interface Repo {
  dir: string;
  git: (...args: string[]) => string;
  write: (path: string, text: string) => void;
  remove: (path: string) => void;
  /** Commits everything; `date` (YYYY-MM-DD) sets the commit's date. Returns the full commit id. */
  commit: (message: string, date?: string) => string;
}

export function makeRepo(): Repo {
  const dir = tempDir();
  let env: NodeJS.ProcessEnv = baseEnv;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  return {
    dir,
    git,
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove: (path) => {
      rmSync(join(dir, path));
    },
    commit: (message, date) => {
      const stamp = date ? `${date}T12:00:00Z` : undefined;
      env = stamp ? { ...baseEnv, GIT_COMMITTER_DATE: stamp, GIT_AUTHOR_DATE: stamp } : baseEnv;
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
      env = baseEnv;
      return git("rev-parse", "HEAD").trim();
    },
  };
}
