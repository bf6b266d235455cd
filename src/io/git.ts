import { spawnSync } from "node:child_process";
import { dirname, basename } from "node:path";

export interface GitInfo {
  /** Short commit id, or "none" outside a git checkout. */
  commit: string;
  /** The working tree has uncommitted changes to this file (or anywhere, for a whole build). */
  dirty: boolean;
  /** The committer date of the last commit that touched the file, as Unix seconds. */
  fileDate: number | undefined;
}

function git(cwd: string, args: string[]): string | undefined {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** What git knows about one data file: the commit, whether it is modified, and its last commit date. */
export function gitInfo(file: string): GitInfo {
  const cwd = dirname(file);
  const commit = git(cwd, ["rev-parse", "--short=12", "HEAD"]);
  if (!commit) return { commit: "none", dirty: false, fileDate: undefined };
  const status = git(cwd, ["status", "--porcelain", "--", basename(file)]);
  const date = git(cwd, ["log", "-1", "--format=%ct", "--", basename(file)]);
  return { commit, dirty: status === undefined ? false : status.length > 0, fileDate: date ? Number(date) : undefined };
}
