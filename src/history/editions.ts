// Editions: the versions of a file whose review status was `published`, each dated by its
// commit. A scorecard shows its earlier editions; the index shows the change since the last
// one. Where the method (the rubric) differs between two editions, that is said, and the
// two are never compared as if the task force had changed. Pure: git is read in git.ts.
import { deepEqual } from "../diff/data-diff.ts";
import type { TaskForce } from "../model.ts";
import { load } from "../load/load.ts";
import { LATER_RULES } from "../diff/compare.ts";
import { normalize, validate } from "../validate/validate.ts";
import { format, formatDate, listValue, msg, type Messages, type Msg, type Value } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { score } from "../score/score.ts";
import type { Rubric, ScoreCard } from "../score/types.ts";
import { editionsChart } from "./chart.ts";
import { methodChange, methodOf, readOldRubric, type Method, type MethodChange, type RubricAtCommit } from "./method.ts";

/** A message of the page's catalogue (messages/<lang>/hearing.yaml, editions.*), with values. */
const say = (messages: Messages, id: string, values?: Record<string, Value>): string => format(messages, msg(id, values));

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
  /** Why it cannot be scored, in English words for the command line; `unscored` says it as data, for the pages. */
  reason: string | undefined;
  unscored: Unscored | undefined;
  method: Method | undefined;
  /** Kept to score the edition again with a later method, for a like-for-like comparison. */
  taskForce: TaskForce | undefined;
  rubric: Rubric | undefined;
}

/** Why an edition cannot be scored, as data: each page says it in its own language. */
export type Unscored =
  | { kind: "invalid" }
  | { kind: "rubric-criteria"; version: string; criteria: string[] }
  | { kind: "rubric-invalid"; version: string }
  | { kind: "error" };

const figuresOf = (card: ScoreCard): Figures => ({
  grade: card.grade,
  percent: card.percent,
  points: card.points,
  scoredMaxPoints: card.scoredMaxPoints,
  coverage: card.coverage,
});

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
    if (last?.text === s.text && last.version === r.version) continue;
    last = { text: s.text, version: r.version };
    let figures: Figures | undefined;
    let reason: string | undefined;
    let unscored: Unscored | undefined;
    // As in the diff: a version that breaks only rules added since it was published is scored as it was written.
    const errors = checked.problems.filter((p) => p.severity === "error");
    const lenient = !checked.taskForce && errors.length > 0 && errors.every((p) => LATER_RULES.has(p.code));
    const taskForce = checked.taskForce ?? (lenient ? normalize(data) : undefined);
    if (!taskForce) {
      reason = "this version of the tool finds errors in the file as it was then";
      unscored = { kind: "invalid" };
    } else if (!r.rubric) {
      reason = r.problem;
      const version = r.version ?? "unknown";
      unscored = r.unknownCriteria.length
        ? { kind: "rubric-criteria", version, criteria: r.unknownCriteria }
        : { kind: "rubric-invalid", version };
    } else {
      try {
        figures = figuresOf(score(taskForce, r.rubric));
      } catch (error) {
        reason = `this version of the tool cannot score it (${error instanceof Error ? error.message : String(error)})`;
        unscored = { kind: "error" };
      }
    }
    out.push({
      commit: s.commit,
      date: s.date,
      rubricVersion: r.version ?? "unknown",
      figures,
      reason,
      unscored,
      method: r.rubric ? methodOf(r.rubric) : undefined,
      taskForce,
      rubric: r.rubric,
    });
  }
  return out;
}

/** A grade, score and coverage, as the index compares them. */
export interface SinceFigures {
  grade: string;
  percent: number;
  /** 0 to 1 */
  coverage: number;
}

/**
 * What the index says about a task force's change since its last edition: data only (dates,
 * grades, numbers), the same in every language; sinceLastText puts it into a page's words.
 */
export interface SinceLast {
  /** The date of the last earlier edition, YYYY-MM-DD. */
  date: string;
  commit: string;
  /** same: nothing moved; moved: the score moved, same method; method: the method changed; unscored: no figures. */
  kind: "same" | "moved" | "method" | "unscored";
  /** For sorting: the change in percentage points on the same method, when there is one. */
  delta: number | undefined;
  /** The rubric versions of the last edition and of the scorecard now. */
  rubricBefore: string;
  rubricAfter: string;
  /** The last edition's figures; for `method`, as scored again with today's method. Absent when it cannot be scored (so). */
  before: SinceFigures | undefined;
  /** The scorecard's figures now. */
  after: SinceFigures;
}

export interface EditionRow {
  /** "3 March 2026", in the page's language */
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

const round2 = (n: number): number => Math.round(n * 100) / 100;
const pct = (m: Messages, n: number): string => say(m, "editions.percent", { n: round2(n) });
const coveragePct = (m: Messages, c: number): string => say(m, "editions.percent", { n: Math.round(c * 10000) / 100 });
const gradeText = (m: Messages, g: string): string => (g === "Incomplete" ? say(m, "editions.grade-incomplete") : g);
const upperFirst = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

function delta(before: Pick<Figures, "percent">, after: Pick<Figures, "percent">): number {
  return round2(after.percent - before.percent);
}

/** "Grade C → B; score up 7.5 percentage points (62.5% → 70%); coverage 60% → 70%." */
function sameMethodChange(m: Messages, before: Figures, after: Figures): string {
  const parts: string[] = [];
  if (before.grade !== after.grade)
    parts.push(say(m, "editions.grade-change", { before: gradeText(m, before.grade), after: gradeText(m, after.grade) }));
  const d = delta(before, after);
  if (d !== 0)
    parts.push(
      say(m, "editions.score-change", {
        direction: d > 0 ? "up" : "down",
        points: Math.abs(d),
        before: pct(m, before.percent),
        after: pct(m, after.percent),
      }),
    );
  if (before.coverage !== after.coverage)
    parts.push(say(m, "editions.coverage-change", { before: coveragePct(m, before.coverage), after: coveragePct(m, after.coverage) }));
  if (parts.length === 0) return say(m, "editions.no-change");
  return say(m, "editions.change", { parts: upperFirst(parts.join("; ")) });
}

interface Point {
  date: string;
  commit: string;
  rubricVersion: string;
  figures: Figures | undefined;
  unscored: Unscored | undefined;
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

/** What changed in the method, as list items: "Balanced membership (weight 8 → 10)", "the grading rules". */
function methodParts(a: Method, b: Method, change: MethodChange, titleOf: (id: string, title: string) => string): Msg[] {
  const parts: Msg[] = [];
  const before = new Map(a.criteria.map((c) => [c.id, c]));
  const after = new Map(b.criteria.map((c) => [c.id, c]));
  for (const [id, y] of after) {
    const x = before.get(id);
    const title = titleOf(id, y.title);
    if (!x) parts.push(msg("editions.method-criterion.new", { title }));
    else {
      const weight = x.weight !== y.weight;
      const definition = x.definition !== y.definition;
      if (weight || definition) {
        const which = weight && definition ? "weight-definition" : weight ? "weight" : "definition";
        parts.push(msg(`editions.method-criterion.${which}`, { title, ...(weight ? { before: x.weight, after: y.weight } : {}) }));
      }
    }
  }
  for (const [id, x] of before) if (!after.has(id)) parts.push(msg("editions.method-criterion.removed", { title: titleOf(id, x.title) }));
  if (change.gradingChanged) parts.push(msg("editions.method-grading"));
  return parts;
}

interface Change {
  text: string;
  methodChanged: boolean;
  likeForLike: Figures | undefined;
}

function changeBetween(m: Messages, older: Point, newer: Point, titleOf: (id: string, title: string) => string): Change {
  if (!older.figures || !newer.figures) return { text: say(m, "editions.not-compared"), methodChanged: false, likeForLike: undefined };
  const change = older.method && newer.method ? methodChange(older.method, newer.method) : undefined;
  const versionsDiffer = older.rubricVersion !== newer.rubricVersion;
  if (!change && !versionsDiffer)
    return { text: sameMethodChange(m, older.figures, newer.figures), methodChanged: false, likeForLike: undefined };
  const parts = change && older.method && newer.method ? methodParts(older.method, newer.method, change, titleOf) : [];
  const what = say(m, "editions.method", {
    before: older.rubricVersion,
    after: newer.rubricVersion,
    nothing: parts.length ? "no" : "yes",
    what: listValue(parts),
  });
  const again = onMethodOf(older, newer);
  const like = again
    ? say(m, "editions.like-for-like", {
        version: newer.rubricVersion,
        grade: gradeText(m, again.grade),
        percent: pct(m, again.percent),
        coverage: coveragePct(m, again.coverage),
        change: lowerFirst(sameMethodChange(m, again, newer.figures)),
      })
    : say(m, "editions.not-comparable");
  return { text: `${what} ${like}`, methodChanged: true, likeForLike: again };
}

export interface CurrentScorecard {
  taskForce: TaskForce;
  card: ScoreCard;
  /** The rubric the card was scored with, its words in the page's language. */
  rubric: Rubric;
  /**
   * The same rubric in the words rubric/rubric.yaml defines it in (before translateRubric), to
   * compare methods with the editions' rubrics, which are read from git untranslated. Defaults
   * to `rubric`: pass it whenever `rubric` is a translation, or every edition reads as a change of method.
   */
  methodRubric?: Rubric;
  /** The date printed on the scorecard, YYYY-MM-DD. */
  date: string;
}

/** At most this many earlier editions are listed; `scorecard history` lists them all. */
export const MAX_ROWS = 8;

/** Why an edition was not scored, in the page's words. */
function unscoredText(m: Messages, u: Unscored): string {
  switch (u.kind) {
    case "rubric-criteria":
      return say(m, "editions.why.rubric-criteria", { version: u.version, criteria: u.criteria.join(", ") });
    case "rubric-invalid":
      return say(m, "editions.why.rubric-invalid", { version: u.version });
    default:
      return say(m, `editions.why.${u.kind}`);
  }
}

/**
 * The editions table and chart of one scorecard, in the language of `messages`: its earlier
 * editions, oldest first, then the scorecard itself. The latest edition is left out when it is
 * this very scorecard (the same data under the same method).
 */
export function editionsView(
  editions: readonly Edition[],
  current: CurrentScorecard,
  messages: Messages = messagesFor("en"),
): EditionsView {
  const m = messages;
  const dateText = (d: string): string => formatDate(d, m.locale) || d;
  // Criteria are named in the page's words where today's rubric has them.
  const titles = new Map(current.rubric.criteria.map((c) => [c.id, c.title]));
  const titleOf = (id: string, title: string) => titles.get(id) ?? title;
  const now: Point = {
    date: current.date,
    commit: "",
    rubricVersion: current.rubric.version,
    figures: figuresOf(current.card),
    unscored: undefined,
    method: methodOf(current.methodRubric ?? current.rubric),
    taskForce: current.taskForce,
    rubric: current.rubric,
    current: true,
    published: current.taskForce.review.status === "published",
  };
  const earlier: Point[] = editions.map((e) => ({ ...e, current: false, published: true }));
  const latest = earlier[earlier.length - 1];
  if (
    latest?.method &&
    !methodChange(latest.method, now.method!) &&
    latest.rubricVersion === now.rubricVersion &&
    deepEqual(latest.taskForce, current.taskForce)
  )
    earlier.pop();
  if (earlier.length === 0) return NO_EDITIONS;

  const shown = earlier.slice(-MAX_ROWS);
  const points = [...shown, now];
  const rows: EditionRow[] = [];
  const changes: Change[] = [];
  points.forEach((p, i) => {
    const c = i === 0 ? undefined : changeBetween(m, points[i - 1]!, p, titleOf);
    if (c) changes.push(c);
    const hidden = earlier.length - shown.length;
    let change = i === 0 ? (hidden > 0 ? say(m, "editions.not-listed", { n: hidden }) : say(m, "editions.first")) : c!.text;
    if (!p.figures && p.unscored) change += ` ${say(m, "editions.not-scored", { reason: unscoredText(m, p.unscored) })}`;
    rows.push({
      date: dateText(p.date),
      commit: p.commit.slice(0, 12),
      rubricVersion: p.rubricVersion,
      current: p.current,
      label: p.current
        ? say(m, p.published ? "editions.this-edition" : "editions.this-draft")
        : say(m, "editions.edition-of", { date: dateText(p.date) }),
      grade: p.figures ? gradeText(m, p.figures.grade) : say(m, "editions.grade-not-scored"),
      score: p.figures ? pct(m, p.figures.percent) : "–",
      coverage: p.figures ? coveragePct(m, p.figures.coverage) : "–",
      change,
      methodChanged: c?.methodChanged ?? false,
    });
  });

  const last = earlier[earlier.length - 1]!;
  const since = changeBetween(m, last, now, titleOf);
  const nowFigures = now.figures!;
  const after: SinceFigures = { grade: nowFigures.grade, percent: nowFigures.percent, coverage: nowFigures.coverage };
  const base = { date: last.date, commit: last.commit, rubricBefore: last.rubricVersion, rubricAfter: now.rubricVersion, after };
  const figures = (f: Figures | undefined): SinceFigures | undefined =>
    f ? { grade: f.grade, percent: f.percent, coverage: f.coverage } : undefined;
  let sinceLast: SinceLast;
  if (!last.figures) sinceLast = { ...base, kind: "unscored", delta: undefined, before: undefined };
  else if (since.methodChanged) {
    const like = since.likeForLike;
    sinceLast = { ...base, kind: "method", delta: like ? delta(like, nowFigures) : undefined, before: figures(like) };
  } else {
    const d = delta(last.figures, nowFigures);
    const moved = d !== 0 || last.figures.grade !== nowFigures.grade || last.figures.coverage !== nowFigures.coverage;
    sinceLast = { ...base, kind: moved ? "moved" : "same", delta: d, before: figures(last.figures) };
  }

  return {
    any: true,
    rows,
    chart:
      points.length >= 3
        ? editionsChart(
            points.map((p, i) => ({
              label: p.current ? say(m, "editions.chart.now") : dateText(p.date),
              figures: p.figures,
              methodChangedBefore: i > 0 && changes[i - 1]!.methodChanged,
            })),
            m,
          )
        : "",
    methodNote: changes.some((c) => c.methodChanged) ? say(m, "editions.method-note") : "",
    sinceLast,
  };
}

/** "C → B, up 7.5 percentage points", "no change", "down 2 percentage points", in the page's words. */
function shortChange(m: Messages, before: SinceFigures, after: SinceFigures): string {
  const d = delta(before, after);
  const grades = { before: gradeText(m, before.grade), after: gradeText(m, after.grade) };
  const points = { direction: d > 0 ? "up" : "down", points: Math.abs(d) };
  if (d === 0) {
    if (before.grade !== after.grade) return say(m, "editions.since.grade", grades);
    if (before.coverage !== after.coverage)
      return say(m, "editions.since.coverage", { before: coveragePct(m, before.coverage), after: coveragePct(m, after.coverage) });
    return say(m, "editions.since.none");
  }
  return before.grade !== after.grade
    ? say(m, "editions.since.grade-and-points", { ...grades, ...points })
    : say(m, "editions.since.points", points);
}

/**
 * The change since the last edition in a page's words, as the index lists it: "C → B, up 7.5
 * percentage points since the edition of 3 March 2026", "Method changed since the edition of …".
 */
export function sinceLastText(since: SinceLast, messages: Messages = messagesFor("en")): string {
  const m = messages;
  const date = formatDate(since.date, m.locale) || since.date;
  const rubric = { before: since.rubricBefore, after: since.rubricAfter };
  switch (since.kind) {
    case "unscored":
      return say(m, "editions.since.unscored", { date });
    case "method":
      return since.before
        ? say(m, "editions.since.method", { date, ...rubric, change: shortChange(m, since.before, since.after) })
        : say(m, "editions.since.method-not-comparable", { date, ...rubric });
    default:
      return upperFirst(
        say(m, "editions.since.moved", {
          date,
          change: since.before ? shortChange(m, since.before, since.after) : say(m, "editions.since.none"),
        }),
      );
  }
}
