// The edge of `scorecard history` and of the editions on each scorecard: reads earlier
// versions of data files and of the rubric through git, never checking anything out.
// Everything that decides what they mean is pure, in history.ts and editions.ts.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.ts";
import type { EditionSource } from "./editions.ts";
import type { Version } from "./history.ts";

export const RUBRIC_PATH = "rubric/rubric.yaml";
export const CRITERIA_DIR = "src/score/criteria";

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync("git", ["-c", "core.quotepath=off", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.error) throw new UserError(`cannot run git (${r.error.message}). Install git, or run this inside a folder that git manages.`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

/** The repository that holds a folder, or undefined. */
function topLevel(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const r = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return r.status === 0 && !r.error ? r.stdout.trim() : undefined;
}

/** git reports real paths, so symlinked folders (such as /tmp on some systems) are resolved first. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

export interface GitObject {
  type: string;
  data: Buffer;
}

/**
 * Reads many objects (such as "<commit>:<path>") with one `git cat-file --batch`. Missing
 * ones are left out. Names with a line break cannot be asked for this way; they are read one by one.
 */
export function readObjects(root: string, names: readonly string[]): Map<string, GitObject> {
  const out = new Map<string, GitObject>();
  const batch = [...new Set(names)].filter((n) => !/[\n\r]/.test(n));
  for (const name of names) {
    if (!/[\n\r]/.test(name) || out.has(name)) continue;
    const r = spawnSync("git", ["cat-file", "blob", name], {
      cwd: root,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
    if (r.status === 0) out.set(name, { type: "blob", data: r.stdout });
  }
  if (batch.length === 0) return out;
  const r = spawnSync("git", ["cat-file", "--batch"], {
    cwd: root,
    input: batch.join("\n") + "\n",
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["pipe", "pipe", "pipe"],
  });
  if (r.error || r.status !== 0) throw new Error(`git cat-file --batch failed: ${r.error?.message ?? r.stderr.toString().trim()}`);
  const buf = r.stdout;
  let at = 0;
  for (const name of batch) {
    const eol = buf.indexOf(10, at);
    if (eol < 0) break;
    const header = buf.subarray(at, eol).toString("utf8");
    at = eol + 1;
    const m = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
    if (!m) continue; // "<name> missing" or "ambiguous"
    const size = Number(m[2]);
    out.set(name, { type: m[1]!, data: buf.subarray(at, at + size) });
    at += size + 1;
  }
  return out;
}

/** The blob ids in a raw git tree object ("<mode> <name>\0<20-byte id>" entries), by name. */
export function treeBlobs(tree: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < tree.length) {
    const space = tree.indexOf(32, at);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > tree.length) break;
    const mode = tree.subarray(at, space).toString("utf8");
    const name = tree.subarray(space + 1, nul).toString("utf8");
    const id = tree.subarray(nul + 1, nul + 21).toString("hex");
    if (!mode.startsWith("4")) out[name] = id;
    at = nul + 21;
  }
  return out;
}

/** The git blob id of each file in a folder on disk (not its subfolders), as `git hash-object` gives it. */
export function blobIdsOnDisk(dir: string): Record<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const data = readFileSync(join(dir, entry.name));
    out[entry.name] = createHash("sha1").update(`blob ${data.length}\0`).update(data).digest("hex");
  }
  return out;
}

interface Touch {
  commit: string;
  /** The path after this commit; undefined when the commit deleted the file. */
  path: string | undefined;
}

/** Parses `git log -z --format=%x01%H --name-status`: each commit with the statuses and paths it lists. */
export function parseNameStatus(out: string): { commit: string; changes: { status: string; paths: string[] }[] }[] {
  const commits: { commit: string; changes: { status: string; paths: string[] }[] }[] = [];
  const tokens = out.split("\0");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^\n/, "");
    if (t.startsWith("\x01")) {
      commits.push({ commit: t.slice(1).trim(), changes: [] });
      continue;
    }
    const current = commits[commits.length - 1];
    if (!current || !/^[ACDMRTUX]\d*$/.test(t)) continue;
    const two = t.startsWith("R") || t.startsWith("C");
    const paths = two ? [tokens[i + 1]!, tokens[i + 2]!] : [tokens[i + 1]!];
    i += paths.length;
    current.changes.push({ status: t, paths });
  }
  return commits;
}

/** The commit ids, dates and subjects of `git log -z --format=%H%x00%cs%x00%s`. */
function parseCommits(out: string): { commit: string; date: string; subject: string }[] {
  const t = out.split("\0").map((s) => s.replace(/^\n/, ""));
  const list: { commit: string; date: string; subject: string }[] = [];
  for (let i = 0; i + 2 < t.length; i += 3) {
    if (/^[0-9a-f]{40,64}$/.test(t[i]!)) list.push({ commit: t[i]!, date: t[i + 1]!, subject: t[i + 2]! });
  }
  return list;
}

export interface FileHistory {
  /** The file, relative to the repository's top folder. */
  path: string;
  versions: Version[];
}

/**
 * Every commit on the first-parent line of the current branch that touched the file (under
 * any of its names: renames are followed), the rubric or the criteria's code, oldest first,
 * with the file and the rubric as they were at that commit.
 */
export function readFileHistory(cwd: string, file: string): FileHistory {
  const abs = realPath(resolve(cwd, file));
  const root = topLevel(existsSync(dirname(abs)) ? dirname(abs) : cwd);
  if (!root)
    throw new UserError(
      `${file} is not in a git repository, so it has no history to show. Run the command inside your copy of the scorecards project.`,
    );
  const rel = relative(realPath(root), abs).split(sep).join("/");
  if (rel.startsWith("../")) throw new UserError(`${file} is outside the git repository at ${root}.`);
  const head = git(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  if (!head.ok) throw new UserError("this repository has no commits yet, so there is no history to show. Commit the file first.");

  const followed = git(root, ["log", "--follow", "--first-parent", "-z", "--format=%x01%H", "--name-status", "--", rel]);
  if (!followed.ok) throw new Error(`git log --follow failed: ${followed.stderr.trim()}`);
  const touches: Touch[] = [];
  const names = new Set<string>([rel]);
  for (const c of parseNameStatus(followed.stdout)) {
    const change = c.changes[c.changes.length - 1];
    if (!change) continue;
    for (const p of change.paths) names.add(p);
    touches.push({ commit: c.commit, path: change.status === "D" ? undefined : change.paths[change.paths.length - 1] });
  }
  if (touches.length === 0) {
    throw new UserError(
      existsSync(abs)
        ? `${file} has never been committed, so it has no history yet. Commit it first (git add ${file} and git commit).`
        : `git has no record of ${file}. Check the name: it is the file's path, such as scorecards/example.yaml.`,
    );
  }

  const log = git(root, ["log", "--first-parent", "-z", "--format=%H%x00%cs%x00%s", "--", ...names, RUBRIC_PATH, CRITERIA_DIR]);
  if (!log.ok) throw new Error(`git log failed: ${log.stderr.trim()}`);
  const commits = parseCommits(log.stdout).reverse();
  const touched = new Map(touches.map((t) => [t.commit, t]));
  // The file's path at each commit: the last name --follow recorded at or before it.
  let path: string | undefined;
  let started = false;
  const placed = commits.map((c) => {
    const t = touched.get(c.commit);
    if (t) {
      path = t.path;
      started = true;
    }
    return { ...c, path: started ? path : undefined };
  });
  const objects = readObjects(
    root,
    placed.flatMap((c) => [...(c.path ? [`${c.commit}:${c.path}`] : []), `${c.commit}:${RUBRIC_PATH}`, `${c.commit}:${CRITERIA_DIR}`]),
  );
  const text = (name: string) => {
    const o = objects.get(name);
    return o?.type === "blob" ? o.data.toString("utf8") : undefined;
  };
  const versions: Version[] = placed.map((c) => {
    const tree = objects.get(`${c.commit}:${CRITERIA_DIR}`);
    const fileText = c.path ? text(`${c.commit}:${c.path}`) : undefined;
    return {
      commit: c.commit,
      date: c.date,
      subject: c.subject,
      path: fileText === undefined ? undefined : c.path,
      text: fileText,
      rubric: text(`${c.commit}:${RUBRIC_PATH}`),
      ...(tree?.type === "tree" ? { criteriaCode: treeBlobs(tree.data) } : {}),
    };
  });
  return { path: rel, versions };
}

/** A raw entry of `git log --raw -z`: the blob after the change and the path(s). */
interface RawChange {
  status: string;
  blob: string;
  paths: string[];
}

/** Parses `git log -z --raw --no-abbrev --format=%x01%H%x00%cs`. Newest first, as git gives it. */
export function parseRawLog(out: string): { commit: string; date: string; changes: RawChange[] }[] {
  const commits: { commit: string; date: string; changes: RawChange[] }[] = [];
  const t = out.split("\0");
  for (let i = 0; i < t.length; i++) {
    const token = t[i]!.replace(/^\n/, "");
    if (token.startsWith("\x01")) {
      commits.push({ commit: token.slice(1), date: t[i + 1] ?? "", changes: [] });
      i += 1;
      continue;
    }
    const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([ACDMRTUX])\d*$/.exec(token);
    const current = commits[commits.length - 1];
    if (!m || !current) continue;
    const two = m[2] === "R" || m[2] === "C";
    const paths = two ? [t[i + 1]!, t[i + 2]!] : [t[i + 1]!];
    i += paths.length;
    current.changes.push({ status: m[2]!, blob: m[1]!, paths });
  }
  return commits;
}

const PUBLISHED = /status:\s*["']?published/;

/**
 * For many data files at once: each committed version that may be an edition (its text says
 * "published"), with the rubric of the same commit, oldest first. One `git log` and one
 * `git cat-file --batch` per repository, however many files. Files outside git get none.
 */
export function readEditionSources(files: readonly string[]): Map<string, EditionSource[]> {
  const result = new Map<string, EditionSource[]>();
  const byRoot = new Map<string, { key: string; rel: string }[]>();
  const roots = new Map<string, string | undefined>();
  for (const f of files) {
    const key = resolve(f);
    const real = realPath(key);
    const dir = dirname(real);
    if (!roots.has(dir)) roots.set(dir, topLevel(dir));
    const root = roots.get(dir);
    result.set(key, []);
    if (!root) continue;
    const list = byRoot.get(root) ?? [];
    list.push({ key, rel: relative(realPath(root), real).split(sep).join("/") });
    byRoot.set(root, list);
  }
  for (const [root, list] of byRoot) {
    const dirs = [...new Set(list.map((f) => dirname(f.rel)))];
    const log = git(root, [
      "log",
      "--first-parent",
      "-z",
      "--raw",
      "--no-abbrev",
      "-M",
      "--format=%x01%H%x00%cs",
      "--",
      ...dirs,
      RUBRIC_PATH,
    ]);
    if (!log.ok) continue; // no commits yet
    const commits = parseRawLog(log.stdout).reverse();
    // The rubric's blob after each commit, walking forwards.
    const rubricAt: (string | undefined)[] = [];
    const rubricChanged = new Set<number>();
    let rubricBlob: string | undefined;
    commits.forEach((c, i) => {
      for (const ch of c.changes) {
        if (ch.paths[ch.paths.length - 1] !== RUBRIC_PATH) continue;
        rubricBlob = ch.status === "D" ? undefined : ch.blob;
        rubricChanged.add(i);
      }
      rubricAt[i] = rubricBlob;
    });
    // Each current file's versions, walking backwards through its renames to where it was added.
    const versions = new Map<string, { index: number; blob: string }[]>(list.map((f) => [f.rel, []]));
    const pathOf = new Map<string, string>(list.map((f) => [f.rel, f.rel])); // its name at this point → its name now
    for (let i = commits.length - 1; i >= 0; i--) {
      for (const ch of commits[i]!.changes) {
        const to = ch.paths[ch.paths.length - 1]!;
        const current = pathOf.get(to);
        if (current === undefined || ch.status === "D") continue;
        versions.get(current)!.push({ index: i, blob: ch.blob });
        // Before a rename it had its old name; before it was added (or copied), it did not exist.
        if (ch.status === "M" || ch.status === "T") continue;
        pathOf.delete(to);
        if (ch.status === "R") pathOf.set(ch.paths[0]!, current);
      }
    }
    // A version is a commit that changed the file, or changed the rubric while the file existed.
    const wanted = new Set<string>();
    const perFile = new Map<string, { commit: string; date: string; blob: string; rubric: string | undefined }[]>();
    for (const f of list) {
      const own = versions.get(f.rel)!.reverse();
      if (own.length === 0) continue;
      const entries: { commit: string; date: string; blob: string; rubric: string | undefined }[] = [];
      let k = 0;
      for (let i = own[0]!.index; i < commits.length; i++) {
        const changed = own[k]?.index === i;
        if (changed) k++;
        if (!changed && !rubricChanged.has(i)) continue;
        const blob = own[k - 1]!.blob;
        entries.push({ commit: commits[i]!.commit, date: commits[i]!.date, blob, rubric: rubricAt[i] });
        wanted.add(blob);
      }
      perFile.set(f.rel, entries);
    }
    // Read each version once; keep only those that may be published, and their rubrics.
    const texts = readObjects(root, [...wanted]);
    const rubricIds = new Set<string>();
    const candidates = new Map<string, { commit: string; date: string; text: string; rubric: string | undefined }[]>();
    for (const [rel, entries] of perFile) {
      const kept = [];
      for (const e of entries) {
        const text = texts.get(e.blob)?.data.toString("utf8");
        if (text === undefined || !PUBLISHED.test(text)) continue;
        if (e.rubric) rubricIds.add(e.rubric);
        kept.push({ commit: e.commit, date: e.date, text, rubric: e.rubric });
      }
      candidates.set(rel, kept);
    }
    const rubrics = readObjects(root, [...rubricIds]);
    for (const f of list) {
      result.set(
        f.key,
        (candidates.get(f.rel) ?? []).map((e) => ({
          commit: e.commit,
          date: e.date,
          text: e.text,
          rubric: e.rubric ? rubrics.get(e.rubric)?.data.toString("utf8") : undefined,
        })),
      );
    }
  }
  return result;
}
