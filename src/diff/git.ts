// The edge of `scorecard diff`: reads the two sides through git, never checking anything out.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import type { Side, SourceFile } from "./compare.ts";

export const DATA_DIR = "scorecards";
export const RUBRIC_PATH = "rubric/rubric.yaml";

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function git(cwd: string, args: string[]): GitResult {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  if (r.error) throw new UserError(`cannot run git (${r.error.message}). Install git, or run this inside a folder that git manages.`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

/** The top folder of the git repository that holds `cwd`. */
export function repoRoot(cwd: string): string {
  const r = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!r.ok)
    throw new UserError(
      "this folder is not in a git repository, so there is nothing to compare. Run the command inside your copy of the scorecards project.",
    );
  return r.stdout.trim();
}

/** A revision the user named, as a full commit id. Names that look like options are refused. */
export function resolveRef(root: string, ref: string): string {
  if (!ref || ref.startsWith("-") || /[\s\0]/.test(ref))
    throw new UserError(`'${ref}' is not a revision name. Use a branch name, a tag or a commit id, such as main.`);
  const r = git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (!r.ok)
    throw new UserError(`git knows no branch, tag or commit called '${ref}'. Check the name; in a fresh clone, try origin/${ref}.`);
  return r.stdout.trim();
}

const tryRef = (root: string, ref: string): string | undefined => {
  const r = git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  return r.ok ? r.stdout.trim() : undefined;
};

export interface Revision {
  /** Undefined for "before the first commit": nothing existed yet. */
  commit: string | undefined;
  label: string;
}

/**
 * The default base: where this branch left the main branch. In a GitHub pull request that is
 * the target branch (GITHUB_BASE_REF); otherwise main, then origin/main; on main itself, HEAD.
 */
export function defaultBase(root: string, env: Readonly<Record<string, string | undefined>>, headCommit?: string): Revision {
  const head = headCommit ?? tryRef(root, "HEAD");
  if (!head) return { commit: undefined, label: "an empty repository (no commits yet)" };
  const target = env.GITHUB_BASE_REF && !env.GITHUB_BASE_REF.startsWith("-") ? [`origin/${env.GITHUB_BASE_REF}`, env.GITHUB_BASE_REF] : [];
  for (const name of [...target, "main", "origin/main"]) {
    const commit = tryRef(root, name);
    if (!commit) continue;
    const base = git(root, ["merge-base", head, commit]);
    if (base.ok) {
      const sha = base.stdout.trim();
      return {
        commit: sha,
        label: sha === commit ? `${name} (${sha.slice(0, 10)})` : `where this branch left ${name} (${sha.slice(0, 10)})`,
      };
    }
  }
  return { commit: head, label: `the last commit (${head.slice(0, 10)})` };
}

const isData = (name: string) => /\.ya?ml$/i.test(name);

/** The task force files and the rubric as they were at a commit, read with git ls-tree and cat-file. */
export function readRevision(root: string, rev: Revision, fallbackRubric: string): Side {
  if (!rev.commit) return { label: rev.label, files: [], rubric: fallbackRubric };
  const list = git(root, ["ls-tree", "-z", rev.commit, "--", `${DATA_DIR}/`]);
  if (!list.ok) throw new Error(`git ls-tree failed: ${list.stderr.trim()}`);
  const files: SourceFile[] = [];
  for (const entry of list.stdout.split("\0")) {
    // "<mode> <type> <object>\t<path>"; only regular files count (no links, no folders).
    const m = /^(100644|100755) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!m || !isData(m[3]!)) continue;
    const blob = git(root, ["cat-file", "blob", m[2]!]);
    if (!blob.ok) throw new Error(`git cat-file failed for ${m[3]}: ${blob.stderr.trim()}`);
    files.push({ file: m[3]!, text: blob.stdout });
  }
  const rubric = git(root, ["cat-file", "blob", `${rev.commit}:${RUBRIC_PATH}`]);
  return { label: rev.label, files, rubric: rubric.ok ? rubric.stdout : fallbackRubric };
}

/** The task force files and the rubric as they are on disk now, saved or not yet committed. */
export function readWorkingTree(root: string, fallbackRubric: string): Side {
  const dir = join(root, DATA_DIR);
  const files: SourceFile[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!isData(name) || !lstatSync(join(dir, name)).isFile()) continue;
      files.push({ file: `${DATA_DIR}/${name}`, text: readFileSync(join(dir, name), "utf8") });
    }
  }
  const rubricFile = join(root, RUBRIC_PATH);
  return {
    label: "your working copy (including changes not yet committed)",
    files,
    rubric: existsSync(rubricFile) ? readFileSync(rubricFile, "utf8") : fallbackRubric,
  };
}

export function revisionLabel(ref: string, commit: string): string {
  return `${ref} (${commit.slice(0, 10)})`;
}
