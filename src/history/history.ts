// The pure core of `scorecard history`: every version of one file (and the rubric of its
// commit) in, one entry per commit that changed the grade, score, coverage or a criterion's
// status out, each with what moved it. No git here: src/history/git.ts reads the versions.
import { compare, LATER_RULES, type CriterionChange, type RubricChange } from "../diff/compare.ts";
import type { Problem } from "../errors.ts";
import { check } from "../pipeline.ts";
import { score } from "../score/score.ts";
import type { ScoreCard, Status } from "../score/types.ts";
import { normalize } from "../validate/validate.ts";
import { readOldRubric, type RubricAtCommit } from "./method.ts";

/** One commit that touched the file, the rubric or the criteria's code, as git gives it. */
export interface Version {
  /** The full commit id. */
  commit: string;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
  /** The first line of the commit message. */
  subject: string;
  /** Where the file was at this commit; undefined when it did not exist (yet, or any more). */
  path: string | undefined;
  text: string | undefined;
  /** The rubric file at this commit; undefined when the repository had none. */
  rubric: string | undefined;
  /**
   * The git blob id of each file under src/score/criteria/ at this commit, when the
   * repository holds the tool's own code (the scorecards project does; a data-only copy does not).
   */
  criteriaCode?: Record<string, string>;
}

export interface HistoryInput {
  /** The file as it is named now. */
  file: string;
  /** Oldest first. */
  versions: readonly Version[];
  /** The rubric of this copy of the tool: used where a commit has no rubric file. */
  toolRubric: string;
  /** The git blob ids of today's criteria code (file name → id), to tell where it changed since. */
  toolCriteriaCode?: Record<string, string>;
  /** YYYY-MM-DD, for the "no date in the future" check. */
  today: string;
}

export interface EntryCriterion {
  id: string;
  title: string;
  status: Status;
  points: number;
  weight: number;
}

export interface HistoryEntry {
  commit: string;
  date: string;
  subject: string;
  /** The file's path at this commit (it may have been renamed since). */
  file: string | undefined;
  rubricVersion: string | null;
  /** The file's review status was `published`: this version is an edition. */
  published: boolean;
  /** scored; invalid (the file fails validation); unscored (the rubric cannot be used); removed. */
  state: "scored" | "invalid" | "unscored" | "removed";
  grade: string | null;
  points: number | null;
  /** The points that could be earned with the data found. */
  scoredMaxPoints: number | null;
  maxPoints: number | null;
  /** Points as a percentage of scoredMaxPoints. */
  percent: number | null;
  /** The share of the rubric's weight with data, 0 to 1. */
  coverage: number | null;
  criteria: EntryCriterion[];
  moved: {
    /**
     * first: the file's first version; changed: it moved since the commit before; errors: the
     * file fails validation; unscored: the rubric cannot be used; fixed: scored again after
     * errors or an unusable rubric; removed; restored: back after being removed.
     */
    kind: "first" | "changed" | "errors" | "fixed" | "unscored" | "removed" | "restored";
    /** The state of the commit before (scored, invalid, unscored, removed), or null for the first. */
    previousState: HistoryEntry["state"] | null;
    /** The commit this one is compared with: the last one before it that could be scored. */
    comparedWith: string | null;
    /** Present when the rubric differs between the two. */
    rubric: RubricChange | null;
    /** Each criterion that moved, with the facts and the edits behind it (as in `scorecard diff`). */
    criteria: CriterionChange[];
  };
  /** Errors in the file at this commit (state invalid). */
  problems: Pick<Problem, "line" | "col" | "message">[];
  /** Why it could not be scored (state unscored). */
  reason: string | null;
  /** What the reader should know about how this version was scored. */
  notes: string[];
}

export interface HistoryModel {
  file: string;
  name: string | undefined;
  /** How many commits touched the file, the rubric or the criteria's code while the file existed. */
  commits: number;
  entries: HistoryEntry[];
  /** The rubric version today's tool would score the file with now. */
  toolRubricVersion: string | undefined;
}

interface Evaluated {
  version: Version;
  state: HistoryEntry["state"];
  card: ScoreCard | undefined;
  name: string | undefined;
  published: boolean;
  problems: Problem[];
  reason: string | undefined;
  rubric: RubricAtCommit;
  rubricText: string;
  /** The codes of rules added since that this version breaks: it is scored as it was written. */
  laterRules: string[];
}

function signature(e: Evaluated): string {
  if (e.state !== "scored" || !e.card) return e.state;
  const c = e.card;
  return JSON.stringify([c.grade, c.points, c.percent, c.coverage, c.criteria.map((x) => [x.id, x.status])]);
}

function publishedIn(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  const review = (data as Record<string, unknown>).review;
  return !!review && typeof review === "object" && (review as Record<string, unknown>).status === "published";
}

function nameIn(data: unknown): string | undefined {
  const name = data && typeof data === "object" ? (data as Record<string, unknown>).name : undefined;
  return typeof name === "string" && name.trim() ? name : undefined;
}

/** The titles of the criteria whose code differs between a commit and today's tool. */
function codeChangedSince(v: Version, now: Record<string, string> | undefined, titles: Map<string, string>): string[] {
  const then = v.criteriaCode;
  if (!then || !now || Object.keys(then).length === 0) return [];
  const files = [...new Set([...Object.keys(then), ...Object.keys(now)])].filter((f) => then[f] !== now[f]).sort();
  const named = new Set<string>();
  for (const f of files) {
    const id = f.replace(/^.*\//, "").replace(/\.[cm]?[jt]s$/, "");
    named.add(titles.get(id) ?? "the code the criteria share");
  }
  return [...named];
}

/** Every version, oldest first, reduced to the commits that changed the score. Pure. */
export function history(input: HistoryInput): HistoryModel {
  const rubrics = new Map<string, RubricAtCommit>();
  const rubricFor = (text: string) => {
    let r = rubrics.get(text);
    if (!r) rubrics.set(text, (r = readOldRubric(text)));
    return r;
  };
  const tool = rubricFor(input.toolRubric);
  const titles = new Map((tool.rubric?.criteria ?? []).map((c) => [c.id, c.title]));

  const evaluate = (v: Version, text: string): Evaluated => {
    const rubricText = v.rubric ?? input.toolRubric;
    const rubric = rubricFor(rubricText);
    const checked = check(v.path ?? input.file, text, input.today);
    const data = checked.loaded.data;
    const errors = checked.problems.filter((p) => p.severity === "error");
    // As in the diff: a version that breaks only rules added since it was written is scored as written.
    const lenient = !checked.taskForce && data !== undefined && errors.length > 0 && errors.every((p) => LATER_RULES.has(p.code));
    const laterRules = lenient ? [...new Set(errors.map((p) => p.code))] : [];
    const base = {
      version: v,
      name: nameIn(data),
      published: publishedIn(data),
      rubric,
      rubricText,
      card: undefined,
      reason: undefined,
      laterRules,
    };
    const tf = checked.taskForce ?? (lenient ? normalize(data) : undefined);
    if (!tf) return { ...base, state: "invalid", problems: errors };
    if (!rubric.rubric) return { ...base, state: "unscored", problems: [], reason: `${rubric.problem}.` };
    try {
      return { ...base, state: "scored", problems: [], card: score(tf, rubric.rubric) };
    } catch (error) {
      return {
        ...base,
        state: "unscored",
        problems: [],
        reason: `this version of the tool cannot score it (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
  };

  const entries: HistoryEntry[] = [];
  let previous: Evaluated | undefined;
  let lastScored: Evaluated | undefined;
  let lastSignature = "absent";
  let everPresent = false;
  let commits = 0;
  let name: string | undefined;

  for (const v of input.versions) {
    if (v.text === undefined) {
      if (lastSignature !== "absent") {
        commits++;
        entries.push(removedEntry(v, previous));
        lastSignature = "absent";
      }
      previous = undefined;
      continue;
    }
    commits++;
    const e = evaluate(v, v.text);
    name = e.name ?? name;
    const sig = signature(e);
    if (sig !== lastSignature) {
      const notes: string[] = [];
      if (v.rubric === undefined)
        notes.push(
          `The repository had no rubric file at this commit, so it is scored with this tool's rubric (version ${tool.version ?? "unknown"}).`,
        );
      if (e.laterRules.length && e.state === "scored")
        notes.push(
          `This version breaks rules added to the tool since it was written (${e.laterRules.join(", ")}); it is scored as it was written.`,
        );
      if (e.rubric.retired.length && e.state === "scored") {
        notes.push(
          `Its rubric uses criteria that today's rubric has retired (${e.rubric.retired.join(", ")}); this tool still scores them, with the code it keeps for old versions.`,
        );
      }
      const changed = codeChangedSince(v, input.toolCriteriaCode, titles);
      if (changed.length && e.state === "scored") {
        const named = changed.length > 5 ? `${changed.slice(0, 4).join(", ")} and ${changed.length - 4} more` : changed.join(", ");
        notes.push(
          `The code of ${changed.length === 1 ? "this criterion" : "these criteria"} changed since this commit, so the score shown is what today's tool makes of this version, which may differ from what was printed then: ${named}.`,
        );
      }
      entries.push(entryFor(e, previous, lastScored, everPresent, notes, input.today));
      lastSignature = sig;
    }
    everPresent = true;
    previous = e;
    if (e.state === "scored") lastScored = e;
  }
  return { file: input.file, name, commits, entries, toolRubricVersion: tool.version };
}

function figures(e: Evaluated) {
  const c = e.card;
  return {
    grade: c?.grade ?? null,
    points: c?.points ?? null,
    scoredMaxPoints: c?.scoredMaxPoints ?? null,
    maxPoints: c?.maxPoints ?? null,
    percent: c?.percent ?? null,
    coverage: c?.coverage ?? null,
    criteria: (c?.criteria ?? []).map((x) => ({ id: x.id, title: x.title, status: x.status, points: x.points, weight: x.weight })),
  };
}

function entryFor(
  e: Evaluated,
  previous: Evaluated | undefined,
  lastScored: Evaluated | undefined,
  everPresent: boolean,
  notes: string[],
  today: string,
): HistoryEntry {
  const v = e.version;
  let kind: HistoryEntry["moved"]["kind"];
  let rubric: RubricChange | null = null;
  let criteria: CriterionChange[] = [];
  let comparedWith: string | null = null;
  if (e.state === "invalid") kind = "errors";
  else if (e.state === "unscored") kind = "unscored";
  else if (!lastScored) kind = everPresent && previous ? "fixed" : "first";
  else {
    kind = !previous ? "restored" : previous.state === "scored" ? "changed" : "fixed";
    comparedWith = lastScored.version.commit;
    // The diff's own explanations: each side scored with the rubric of its own commit.
    const key = v.path ?? "scorecard";
    const model = compare(
      { label: lastScored.version.commit, files: [{ file: key, text: lastScored.version.text! }], rubric: lastScored.rubricText },
      { label: v.commit, files: [{ file: key, text: v.text! }], rubric: e.rubricText },
      today,
    );
    rubric = model.rubric ?? null;
    criteria = model.cards[0]?.criteria ?? [];
  }
  return {
    commit: v.commit,
    date: v.date,
    subject: v.subject,
    file: v.path,
    rubricVersion: e.rubric.version ?? null,
    published: e.published,
    state: e.state,
    ...figures(e),
    moved: { kind, previousState: previous?.state ?? (everPresent ? "removed" : null), comparedWith, rubric, criteria },
    problems: e.problems.map((p) => ({ line: p.line, col: p.col, message: p.message })),
    reason: e.reason ?? null,
    notes,
  };
}

function removedEntry(v: Version, previous: Evaluated | undefined): HistoryEntry {
  return {
    commit: v.commit,
    date: v.date,
    subject: v.subject,
    file: undefined,
    rubricVersion: null,
    published: false,
    state: "removed",
    grade: null,
    points: null,
    scoredMaxPoints: null,
    maxPoints: null,
    percent: null,
    coverage: null,
    criteria: [],
    moved: {
      kind: "removed",
      previousState: previous?.state ?? null,
      comparedWith: previous?.version.commit ?? null,
      rubric: null,
      criteria: [],
    },
    problems: [],
    reason: null,
    notes: [],
  };
}
