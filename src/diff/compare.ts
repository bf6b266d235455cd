// The pure core of `scorecard diff`: two sets of files and their rubrics in, a model of
// what changed out. No git, no file system: src/diff/git.ts reads the two sides.
import type { Problem } from "../errors.ts";
import type { TaskForce } from "../model.ts";
import { check } from "../pipeline.ts";
import { normalize } from "../validate/validate.ts";
import { parseRubric } from "../score/rubric.ts";
import { score } from "../score/score.ts";
import type { CriterionResult, Fact, Rubric, ScoreCard, Status } from "../score/types.ts";
import { deepEqual, diffData, pathLabel, showValue, undo, type DataChange } from "./data-diff.ts";
import { reviewChanges } from "./review.ts";

export interface SourceFile {
  /** The path inside the repository, such as scorecards/example.yaml. */
  file: string;
  text: string;
}

export interface Side {
  /** How the side is named to the reader: "main (1a2b3c4d)" or "your working copy". */
  label: string;
  files: SourceFile[];
  /** The rubric's text on this side. */
  rubric: string;
}

/** A scorecard on one side: scored, or the reason it could not be. */
export type CardState =
  | {
      state: "scored";
      name: string;
      grade: string;
      points: number;
      maxPoints: number;
      /** The points that could be earned with the data found: what percent is a share of. */
      scoredMaxPoints: number;
      percent: number;
      coverage: number;
      criteria: CriterionResult[];
    }
  | { state: "invalid"; name: string | undefined; problems: Problem[] }
  | { state: "unscored"; name: string; reason: string };

export interface CriterionSide {
  status: Status;
  points: number;
  weight: number;
  reason: string;
}

/** A change as the reader sees it: a field, its old value and its new one. */
export interface Change {
  field: string;
  before: string;
  after: string;
}

export interface CriterionChange {
  id: string;
  title: string;
  before: CriterionSide | undefined;
  after: CriterionSide | undefined;
  /** The criterion's own facts (as printed on the scorecard) that differ. */
  facts: Change[];
  /** The edits in the file that, undone one at a time, move this criterion back. */
  edits: Change[];
}

export interface CardDiff {
  file: string;
  name: string;
  change: "added" | "removed" | "changed" | "rubric-only";
  before: CardState | undefined;
  after: CardState | undefined;
  /** Every criterion whose status or points changed. */
  criteria: CriterionChange[];
  /** Edits that did not move any criterion. */
  noEffect: Change[];
  /** Edits whose effect could not be worked out (shown without a claim either way). */
  unclear: Change[];
  /** The review's state, dates and replies, in words (src/diff/review.ts). */
  review: Change[];
}

export interface RubricChange {
  before: string | undefined;
  after: string | undefined;
  added: string[];
  removed: string[];
  /** "Balanced membership: weight 10 → 15", "Balanced membership: thresholds or wording". */
  changed: string[];
  gradingChanged: boolean;
}

export interface DiffModel {
  base: { label: string; rubricVersion: string | undefined; rubricError: string | undefined };
  head: { label: string; rubricVersion: string | undefined; rubricError: string | undefined };
  /** Present when the rubric differs: then every scorecard is reported. */
  rubric: RubricChange | undefined;
  cards: CardDiff[];
  /** Files identical on both sides, under the same rubric. */
  unchanged: string[];
}

interface SideRubric {
  rubric: Rubric | undefined;
  error: string | undefined;
}

function readRubric(text: string, earlier = false): SideRubric {
  try {
    return { rubric: parseRubric(text, undefined, { earlier }), error: undefined };
  } catch (error) {
    return { rubric: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}

interface Evaluated {
  state: CardState;
  data: unknown;
  card: ScoreCard | undefined;
}

/**
 * Rules added after files were written: an earlier version that breaks only these is still
 * scored as it was written, so that a diff or history can show what the stricter rules changed.
 */
export const LATER_RULES: ReadonlySet<string> = new Set([
  "seats-zero-unproven",
  "none-reported-unsourced",
  // The review states with dates and replies (issue 13): older files wrote review.reply.
  "review-old-reply",
  "reply-missing",
  "review-not-ready",
  "review-status-mismatch",
]);

function evaluate(file: SourceFile, side: SideRubric, today: string, earlier = false): Evaluated {
  const checked = check(file.file, file.text, today, side.rubric ? { criteria: side.rubric.criteria.map((c) => c.id) } : {});
  const data = checked.loaded.data;
  const rawName = data && typeof data === "object" ? (data as Record<string, unknown>).name : undefined;
  const name = typeof rawName === "string" && rawName.trim() ? rawName : undefined;
  const errors = checked.problems.filter((p) => p.severity === "error");
  const lenient = earlier && data !== undefined && errors.length > 0 && errors.every((p) => LATER_RULES.has(p.code));
  if (!checked.taskForce && !lenient) {
    return { state: { state: "invalid", name, problems: errors }, data, card: undefined };
  }
  const tf = checked.taskForce ?? normalize(data);
  if (!side.rubric)
    return { state: { state: "unscored", name: tf.name, reason: "the rubric could not be read (see above)." }, data, card: undefined };
  try {
    const card = score(tf, side.rubric);
    const { grade, points, maxPoints, scoredMaxPoints, percent, coverage, criteria } = card;
    return {
      state: { state: "scored", name: tf.name, grade, points, maxPoints, scoredMaxPoints, percent, coverage, criteria },
      data,
      card,
    };
  } catch (error) {
    const reason = `this version of the tool cannot score it with that rubric (${error instanceof Error ? error.message : String(error)})`;
    return { state: { state: "unscored", name: tf.name, reason }, data, card: undefined };
  }
}

const toChange = (c: DataChange): Change => ({ field: pathLabel(c.path), before: showValue(c.before), after: showValue(c.after) });

const criterionSide = (c: CriterionResult | undefined): CriterionSide | undefined =>
  c && { status: c.status, points: c.points, weight: c.weight, reason: c.reason };

const moved = (a: CriterionResult | undefined, b: CriterionResult | undefined): boolean =>
  !a || !b ? a !== b : a.status !== b.status || !Object.is(a.points, b.points) || !Object.is(a.weight, b.weight);

function factChanges(a: readonly Fact[], b: readonly Fact[]): Change[] {
  const out: Change[] = [];
  const before = new Map(a.map((f) => [f.label, f.value]));
  const after = new Map(b.map((f) => [f.label, f.value]));
  for (const label of [...before.keys(), ...[...after.keys()].filter((l) => !before.has(l))]) {
    const x = before.get(label);
    const y = after.get(label);
    if (x !== y) out.push({ field: label, before: x ?? "(not listed)", after: y ?? "(not listed)" });
  }
  return out;
}

/** Which criteria move when one edit is undone on the new side (scored with the new rubric). */
function criteriaMovedBy(change: DataChange, head: Evaluated, rubric: Rubric): Set<string> | undefined {
  try {
    const card = score(undo(head.data, change) as TaskForce, rubric);
    const now = new Map(head.card!.criteria.map((c) => [c.id, c]));
    return new Set(card.criteria.filter((c) => moved(c, now.get(c.id))).map((c) => c.id));
  } catch {
    return undefined;
  }
}

function diffCard(
  file: string,
  before: Evaluated | undefined,
  after: Evaluated | undefined,
  headRubric: Rubric | undefined,
  rubricChanged: boolean,
): CardDiff {
  const name = after?.state.name ?? before?.state.name ?? file;
  const change: CardDiff["change"] = !before
    ? "added"
    : !after
      ? "removed"
      : deepEqual(before.data, after.data) && rubricChanged
        ? "rubric-only"
        : "changed";
  // Criteria are compared only when both sides were scored; a new or removed file lists its own.
  const comparable =
    (before?.card !== undefined && after?.card !== undefined) ||
    (change === "added" && after?.card !== undefined) ||
    (change === "removed" && before?.card !== undefined);
  const beforeCards = comparable ? (before?.card?.criteria ?? []) : [];
  const afterCards = comparable ? (after?.card?.criteria ?? []) : [];
  const byId = (list: CriterionResult[]) => new Map(list.map((c) => [c.id, c]));
  const b = byId(beforeCards);
  const a = byId(afterCards);
  const ids = [...a.keys(), ...[...b.keys()].filter((id) => !a.has(id))];
  const criteria: CriterionChange[] = ids
    .filter((id) => moved(b.get(id), a.get(id)))
    .map((id) => {
      const x = b.get(id);
      const y = a.get(id);
      return {
        id,
        title: (y ?? x)!.title,
        before: criterionSide(x),
        after: criterionSide(y),
        facts: factChanges(x?.facts ?? [], y?.facts ?? []),
        edits: [],
      };
    });

  const noEffect: Change[] = [];
  const unclear: Change[] = [];
  if (before && after && before.data !== undefined && after.data !== undefined) {
    const edits = diffData(before.data, after.data);
    const scoredBoth = before.card && after.card && headRubric;
    for (const edit of edits) {
      const shown = toChange(edit);
      const ids = scoredBoth ? criteriaMovedBy(edit, after, headRubric) : undefined;
      if (!ids) unclear.push(shown);
      else if (ids.size === 0) noEffect.push(shown);
      else {
        let placed = false;
        for (const c of criteria) {
          if (ids.has(c.id)) {
            c.edits.push(shown);
            placed = true;
          }
        }
        // The edit moves a criterion only in combination with the rubric change: say so plainly.
        if (!placed) unclear.push(shown);
      }
    }
  }
  // Review changes are told in words once; the raw field edits behind them are not repeated.
  const review = before && after ? reviewChanges(before.data, after.data) : [];
  const notReview = (c: Change) => !(review.length && /^review\b/.test(c.field));
  return {
    file,
    name,
    change,
    before: before?.state,
    after: after?.state,
    criteria,
    noEffect: noEffect.filter(notReview),
    unclear: unclear.filter(notReview),
    review,
  };
}

function diffRubric(a: Rubric | undefined, b: Rubric | undefined): RubricChange {
  const before = new Map((a?.criteria ?? []).map((c) => [c.id, c]));
  const after = new Map((b?.criteria ?? []).map((c) => [c.id, c]));
  const changed: string[] = [];
  for (const [id, y] of after) {
    const x = before.get(id);
    if (!x || deepEqual(x, y)) continue;
    if (x.weight !== y.weight) changed.push(`${y.title}: weight ${x.weight} → ${y.weight}`);
    else if (!deepEqual(x.params, y.params)) changed.push(`${y.title}: thresholds changed`);
    else changed.push(`${y.title}: wording changed`);
  }
  return {
    before: a?.version,
    after: b?.version,
    added: [...after.values()].filter((c) => !before.has(c.id)).map((c) => c.title),
    removed: [...before.values()].filter((c) => !after.has(c.id)).map((c) => c.title),
    changed,
    gradingChanged: !deepEqual(a?.grading, b?.grading),
  };
}

/**
 * Compares two sides. Each side is scored with its own rubric; a rubric change therefore
 * reports every scorecard. Invalid files and unreadable rubrics become part of the model.
 */
export function compare(base: Side, head: Side, today: string): DiffModel {
  const rb = readRubric(base.rubric, true);
  const rh = readRubric(head.rubric);
  const rubricChanged = base.rubric !== head.rubric;
  const before = new Map(base.files.map((f) => [f.file, f]));
  const after = new Map(head.files.map((f) => [f.file, f]));
  const files = [...new Set([...before.keys(), ...after.keys()])].sort();
  const cards: CardDiff[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const x = before.get(file);
    const y = after.get(file);
    if (x && x.text === y?.text && !rubricChanged) {
      unchanged.push(file);
      continue;
    }
    cards.push(diffCard(file, x && evaluate(x, rb, today, true), y && evaluate(y, rh, today), rh.rubric, rubricChanged));
  }
  return {
    base: { label: base.label, rubricVersion: rb.rubric?.version, rubricError: rb.error },
    head: { label: head.label, rubricVersion: rh.rubric?.version, rubricError: rh.error },
    rubric: rubricChanged ? diffRubric(rb.rubric, rh.rubric) : undefined,
    cards,
    unchanged,
  };
}
