// Editions: the versions of a file whose review status was `published`, each dated by its
// commit. A scorecard shows its earlier editions; the index shows the change since the last
// one. Where the method (the rubric) differs between two editions, that is said, and the
// two are never compared as if the task force had changed. Pure: git is read in git.ts.
import { deepEqual } from "../diff/data-diff.ts";
import type { TaskForce } from "../model.ts";
import { load } from "../load/load.ts";
import { LATER_RULES } from "../diff/compare.ts";
import { normalize, validate } from "../validate/validate.ts";
import { formatDate as formatDateIn, type Messages } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { score } from "../score/score.ts";
import type { Rubric, ScoreCard } from "../score/types.ts";
import { editionsChart } from "./chart.ts";
import { describeMethodChange, methodChange, methodOf, readOldRubric, type Method, type MethodChange, type RubricAtCommit } from "./method.ts";

/** "3 March 2026", as the scorecards write dates (their English catalogue's locale). */
const formatDate = (date: string): string => formatDateIn(date, messagesFor("en").locale);

/** A committed version that may be an edition, as git gives it. */
export interface EditionSource {
  commit: string;
  /** YYYY-MM-DD */
  date: string;
  text: string;
  /** The rubric file of the same commit; undefined when the repository had none. */
  rubric: string | undefined;
}

export interface Figures {
  grade: string;
  percent: number;
  points: number;
  scoredMaxPoints: number;
  /** 0 to 1 */
  coverage: number;
}

export interface Edition {
  commit: string;
  date: string;
  rubricVersion: string;
  /** Undefined when this version of the tool cannot score it; `reason` says why. */
  figures: Figures | undefined;
  reason: string | undefined;
  method: Method | undefined;
  /** Kept to score the edition again with a later method, for a like-for-like comparison. */
  taskForce: TaskForce | undefined;
  rubric: Rubric | undefined;
}

const figuresOf = (card: ScoreCard): Figures => ({ grade: card.grade, percent: card.percent, points: card.points, scoredMaxPoints: card.scoredMaxPoints, coverage: card.coverage });

/**
 * The published versions among `sources` (oldest first), each scored by this version of the
 * tool with the rubric of its own commit (the tool's rubric where the commit had none). A
 * version that equals the one before it, under the same rubric version, is the same edition.
 */
export function readEditions(sources: readonly EditionSource[], today: string, toolRubric: string): Edition[] {
  const rubrics = new Map<string, RubricAtCommit>();
  const out: Edition[] = [];
  let last: { text: string; version: string | undefined } | undefined;
  for (const s of sources) {
    const checked = validate(load(s.commit.slice(0, 12), s.text), today);
    const data = checked.loaded.data as Partial<TaskForce> | undefined;
    if (!data || typeof data !== "object" || data.review?.status !== "published") continue;
    const rubricText = s.rubric ?? toolRubric;
    let r = rubrics.get(rubricText);
    if (!r) rubrics.set(rubricText, (r = readOldRubric(rubricText)));
    if (last && last.text === s.text && last.version === r.version) continue;
    last = { text: s.text, version: r.version };
    let figures: Figures | undefined;
    let reason: string | undefined;
    // As in the diff: a version that breaks only rules added since it was published is scored as it was written.
    const errors = checked.problems.filter((p) => p.severity === "error");
    const lenient = !checked.taskForce && errors.length > 0 && errors.every((p) => LATER_RULES.has(p.code));
    const taskForce = checked.taskForce ?? (lenient ? normalize(data) : undefined);
    if (!taskForce) reason = "this version of the tool finds errors in the file as it was then";
    else if (!r.rubric) reason = r.problem;
    else {
      try {
        figures = figuresOf(score(taskForce, r.rubric));
      } catch (error) {
        reason = `this version of the tool cannot score it (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    out.push({
      commit: s.commit,
      date: s.date,
      rubricVersion: r.version ?? "unknown",
      figures,
      reason,
      method: r.rubric ? methodOf(r.rubric) : undefined,
      taskForce,
      rubric: r.rubric,
    });
  }
  return out;
}

/**
 * A task force's change since its last edition, as data (the index puts it into words in its
 * page's language: src/batch/index-page.ts). Kept in the build manifest, so no words here.
 */
export interface SinceLast {
  /** The date of the last earlier edition, YYYY-MM-DD. */
  date: string;
  commit: string;
  /** same: nothing moved; moved: the score moved, same method; method: the method changed; unscored: no figures. */
  kind: "same" | "moved" | "method" | "unscored";
  /** The rubric versions of the last edition and of this scorecard. */
  rubrics: { before: string; after: string };
  /**
   * The figures compared: the last edition's (for method, scored again with this scorecard's
   * rubric; absent when that cannot be done, or when kind is unscored), and this scorecard's.
   */
  before?: Figures;
  after?: Figures;
  /** For sorting: the change in percentage points on the same method, when there is one. */
  delta: number | undefined;
}

export interface EditionRow {
  /** "3 March 2026" */
  date: string;
  commit: string;
  rubricVersion: string;
  /** The scorecard being printed, last in the table. */
  current: boolean;
  label: string;
  grade: string;
  score: string;
  coverage: string;
  /** How it differs from the row above, in words; a method change is named as such. */
  change: string;
  methodChanged: boolean;
}

export interface EditionsView {
  /** True when there is at least one earlier edition. */
  any: boolean;
  rows: EditionRow[];
  /** Vector SVG, built in code with every piece of data escaped; "" under three rows. */
  chart: string;
  /** Present when the method changed anywhere in the table. */
  methodNote: string;
  sinceLast: SinceLast | undefined;
}

export const NO_EDITIONS: EditionsView = { any: false, rows: [], chart: "", methodNote: "", sinceLast: undefined };

const pct = (n: number): string => `${Math.round(n * 100) / 100}%`;
const coveragePct = (c: number): string => `${Math.round(c * 10000) / 100}%`;
const dateText = (d: string): string => formatDate(d) || d;

function delta(before: Figures, after: Figures): number {
  return Math.round((after.percent - before.percent) * 100) / 100;
}

/** "Grade C → B; score up 7.5 percentage points (62.5% → 70%); coverage 60% → 70%." */
function sameMethodChange(before: Figures, after: Figures): string {
  const parts: string[] = [];
  if (before.grade !== after.grade) parts.push(`grade ${before.grade} → ${after.grade}`);
  const d = delta(before, after);
  if (d !== 0) parts.push(`score ${d > 0 ? "up" : "down"} ${Math.abs(d)} percentage points (${pct(before.percent)} → ${pct(after.percent)})`);
  if (before.coverage !== after.coverage) parts.push(`coverage ${coveragePct(before.coverage)} → ${coveragePct(after.coverage)}`);
  if (parts.length === 0) return "No change in grade, score or coverage.";
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

interface Point {
  date: string;
  commit: string;
  rubricVersion: string;
  figures: Figures | undefined;
  reason: string | undefined;
  method: Method | undefined;
  taskForce: TaskForce | undefined;
  rubric: Rubric | undefined;
  current: boolean;
  published: boolean;
}

/** Scores the older point again with the newer point's method: the like-for-like comparison. */
function onMethodOf(older: Point, newer: Point): Figures | undefined {
  if (!older.taskForce || !newer.rubric) return undefined;
  try {
    return figuresOf(score(older.taskForce, newer.rubric));
  } catch {
    return undefined;
  }
}

function changeBetween(older: Point, newer: Point): { text: string; methodChanged: boolean; change: MethodChange | undefined; likeForLike: Figures | undefined } {
  if (!older.figures || !newer.figures) {
    return { text: "Not compared: one of the two could not be scored by this version of the tool.", methodChanged: false, change: undefined, likeForLike: undefined };
  }
  const change = older.method && newer.method ? methodChange(older.method, newer.method) : undefined;
  const versionsDiffer = older.rubricVersion !== newer.rubricVersion;
  if (!change && !versionsDiffer) return { text: sameMethodChange(older.figures, newer.figures), methodChanged: false, change: undefined, likeForLike: undefined };
  const what = change ? describeMethodChange(change) : "no criterion's definition or weight";
  const again = onMethodOf(older, newer);
  const like = again
    ? ` Scored with rubric ${newer.rubricVersion}, the edition above has ${again.grade}, ${pct(again.percent)}, coverage ${coveragePct(again.coverage)}: on the same method, ${lowerFirst(sameMethodChange(again, newer.figures))}`
    : " The two scores are not comparable.";
  return {
    text: `Rubric ${older.rubricVersion} → ${newer.rubricVersion}: ${what} changed. This is a change in how the score is worked out, not in what the task force did.${like}`,
    methodChanged: true,
    change,
    likeForLike: again,
  };
}

const lowerFirst = (s: string): string => (s.startsWith("No change") ? `no change in grade, score or coverage.` : `${s.charAt(0).toLowerCase()}${s.slice(1)}`);

export interface CurrentScorecard {
  taskForce: TaskForce;
  card: ScoreCard;
  rubric: Rubric;
  /** The date printed on the scorecard, YYYY-MM-DD. */
  date: string;
}

/** At most this many earlier editions are listed; `scorecard history` lists them all. */
export const MAX_ROWS = 8;

/**
 * The editions table and chart of one scorecard: its earlier editions, oldest first, then the
 * scorecard itself. The latest edition is left out when it is this very scorecard (the same
 * data under the same method).
 */
export function editionsView(editions: readonly Edition[], current: CurrentScorecard, _messages: Messages = messagesFor("en")): EditionsView {
  const now: Point = {
    date: current.date,
    commit: "",
    rubricVersion: current.rubric.version,
    figures: figuresOf(current.card),
    reason: undefined,
    method: methodOf(current.rubric),
    taskForce: current.taskForce,
    rubric: current.rubric,
    current: true,
    published: current.taskForce.review.status === "published",
  };
  const earlier: Point[] = editions.map((e) => ({ ...e, current: false, published: true }));
  const latest = earlier[earlier.length - 1];
  if (latest && latest.method && !methodChange(latest.method, now.method!) && latest.rubricVersion === now.rubricVersion && deepEqual(latest.taskForce, current.taskForce)) earlier.pop();
  if (earlier.length === 0) return NO_EDITIONS;

  const shown = earlier.slice(-MAX_ROWS);
  const points = [...shown, now];
  const rows: EditionRow[] = [];
  const changes: ReturnType<typeof changeBetween>[] = [];
  points.forEach((p, i) => {
    const c = i === 0 ? undefined : changeBetween(points[i - 1]!, p);
    if (c) changes.push(c);
    rows.push({
      date: dateText(p.date),
      commit: p.commit.slice(0, 12),
      rubricVersion: p.rubricVersion,
      current: p.current,
      label: p.current ? (p.published ? "This edition" : "This scorecard (draft)") : `Edition of ${dateText(p.date)}`,
      grade: p.figures?.grade ?? "not scored",
      score: p.figures ? pct(p.figures.percent) : "–",
      coverage: p.figures ? coveragePct(p.figures.coverage) : "–",
      change: i === 0 ? (earlier.length > shown.length ? `${earlier.length - shown.length} earlier editions are not listed here.` : "First edition.") : c!.text,
      methodChanged: c?.methodChanged ?? false,
    });
    if (!p.figures && p.reason) rows[rows.length - 1]!.change += ` Not scored: ${p.reason}.`;
  });

  const last = earlier[earlier.length - 1]!;
  const since = changeBetween(last, now);
  const rubrics = { before: last.rubricVersion, after: now.rubricVersion };
  let sinceLast: SinceLast;
  if (!last.figures) sinceLast = { date: last.date, commit: last.commit, kind: "unscored", rubrics, delta: undefined };
  else if (since.methodChanged) {
    const like = since.likeForLike;
    sinceLast = { date: last.date, commit: last.commit, kind: "method", rubrics, ...(like ? { before: like } : {}), after: now.figures!, delta: like ? delta(like, now.figures!) : undefined };
  } else {
    const d = delta(last.figures, now.figures!);
    const moved = d !== 0 || last.figures.grade !== now.figures!.grade || last.figures.coverage !== now.figures!.coverage;
    sinceLast = { date: last.date, commit: last.commit, kind: moved ? "moved" : "same", rubrics, before: last.figures, after: now.figures!, delta: d };
  }

  return {
    any: true,
    rows,
    chart: points.length >= 3 ? editionsChart(points.map((p, i) => ({ label: p.current ? "Now" : dateText(p.date), figures: p.figures, methodChangedBefore: i > 0 && changes[i - 1]!.methodChanged }))) : "",
    methodNote: changes.some((c) => c.methodChanged)
      ? "Where the method changed, the scores before and after it are not compared: a change in the rubric is not a change in what the task force did. The line in the chart is broken there."
      : "",
    sinceLast,
  };
}
