import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

export interface GitInfo {
  /** Short id of the last commit that touched the file, or "none" when git does not track it. */
  commit: string;
  /** The file has uncommitted changes, or is not committed at all. */
  dirty: boolean;
  /** The committer date of the last commit that touched the file, as Unix seconds. */
  fileDate: number | undefined;
}

const NOT_IN_GIT: GitInfo = { commit: "none", dirty: false, fileDate: undefined };

function git(cwd: string, args: string[]): string | undefined {
  const r = spawnSync("git", ["-c", "core.quotepath=off", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 256 * 1024 * 1024,
  });
  return r.status === 0 ? r.stdout : undefined;
}

/** Per path (relative to the repository root): the newest commit that touched it. Parses `git log -z --name-only`. */
export function parseLog(out: string): Map<string, { commit: string; date: number }> {
  const last = new Map<string, { commit: string; date: number }>();
  for (const chunk of out.split("\x01")) {
    const [header, ...names] = chunk.split("\0");
    const m = /^([0-9a-f]+) (\d+)$/.exec(header ?? "");
    if (!m) continue;
    for (const raw of names) {
      const name = raw.replace(/^\n/, "");
      // Newest commits come first, so the first sighting is the last change.
      if (name && !last.has(name)) last.set(name, { commit: m[1]!, date: Number(m[2]) });
    }
  }
  return last;
}

/** Paths (relative to the repository root) with uncommitted changes. Parses `git status --porcelain -z`. */
export function parseStatus(out: string): Set<string> {
  const dirty = new Set<string>();
  const entries = out.split("\0");
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.length < 4) continue;
    dirty.add(e.slice(3));
    // A rename or copy is followed by its old path, which is no longer there.
    if (e.startsWith("R") || e.startsWith("C")) i++;
  }
  return dirty;
}

/**
 * What git knows about many data files, in a constant number of git calls per repository
 * (rev-parse, one log, one status) instead of several per file. The commit is the last
 * one that touched each file, so an unrelated commit does not change its scorecard.
 */
export function gitInfoAll(files: readonly string[]): Map<string, GitInfo> {
  const result = new Map<string, GitInfo>();
  // Each file as given (the key of the result) and its real path (what git reports).
  const byDir = new Map<string, { key: string; real: string }[]>();
  for (const f of files) {
    const key = resolve(f);
    const dir = realDir(dirname(key));
    const list = byDir.get(dir) ?? [];
    list.push({ key, real: join(dir, basename(key)) });
    byDir.set(dir, list);
  }
  // Folders in the same repository share one log and one status call.
  const byRoot = new Map<string, { dirs: string[]; files: { key: string; real: string }[] }>();
  for (const [dir, list] of byDir) {
    const root = git(dir, ["rev-parse", "--show-toplevel"])?.trim();
    if (!root) {
      for (const f of list) result.set(f.key, NOT_IN_GIT);
      continue;
    }
    const entry = byRoot.get(root) ?? { dirs: [], files: [] };
    entry.dirs.push(relative(root, dir) || ".");
    entry.files.push(...list);
    byRoot.set(root, entry);
  }
  for (const [root, { dirs, files: list }] of byRoot) {
    const log = parseLog(git(root, ["log", "-z", "--abbrev=12", "--format=%x01%h %ct", "--name-only", "--", ...dirs]) ?? "");
    const status = parseStatus(git(root, ["status", "--porcelain", "-z", "-uall", "--", ...dirs]) ?? "");
    for (const f of list) {
      const rel = relative(root, f.real).split(sep).join("/");
      const last = log.get(rel);
      result.set(f.key, { commit: last?.commit ?? "none", dirty: status.has(rel), fileDate: last?.date });
    }
  }
  return result;
}

/** git reports real paths, so symlinked folders (such as /tmp on some systems) are resolved first. */
function realDir(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return dir;
  }
}

/** What git knows about one data file. */
export function gitInfo(file: string): GitInfo {
  return gitInfoAll([file]).get(resolve(file)) ?? NOT_IN_GIT;
}
