import type { SourceKind, TaskForce } from "../model.ts";
import { format, formatValue, type Messages } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { criteria } from "./criteria/index.ts";
import { retired } from "./criteria/retired.ts";
import { latest } from "./criteria/util.ts";
import { withAttribution } from "./attribution.ts";
import type { Confidence, CriterionOutcome, CriterionResult, Fact, FactDate, Rubric, ScoreCard, Status } from "./types.ts";

/** Kinds of source that report or argue rather than record: news, op-eds, advocacy, NGO reports, and anything unclassified. */
export const SECOND_HAND: ReadonlySet<SourceKind> = new Set<SourceKind>(["news", "op-ed", "advocacy", "report", "other"]);

/** Rounds to two decimals, half away from zero. Used for points. */
export const round2 = (n: number): number => (Math.sign(n) * Math.round((Math.abs(n) + Number.EPSILON) * 100)) / 100;

/**
 * Rounds a non-negative number down to `places` decimals. Used for percentages and coverage,
 * so rounding can never lift a grade or push coverage over its threshold. The tiny
 * tolerance keeps binary fractions (0.51 × 10000 = 5099.999…) from losing a whole step.
 */
export const floorTo = (n: number, places: number): number => {
  const f = 10 ** places;
  return Math.floor(n * f + 1e-9) / f;
};

/** The share of the weight a status earns; null for unknown. */
export function fractionFor(status: Status, rubric: Rubric): number | null {
  switch (status) {
    case "met":
      return 1;
    case "partly-met":
      return rubric.grading.partly_met_share;
    case "not-met":
      return 0;
    default:
      return null;
  }
}

/**
 * Scores one task force against the rubric. Pure: the catalogue that puts findings into
 * words is data (English unless another language's is passed).
 */
export function score(taskForce: TaskForce, rubric: Rubric, messages: Messages = messagesFor("en")): ScoreCard {
  const results: CriterionResult[] = rubric.criteria.map((c) => {
    const criterion = criteria[c.id] ?? retired[c.id];
    if (!criterion)
      throw new Error(
        `the rubric names criterion '${c.id}', but no function scores it (this is a bug: the rubric check should have caught it)`,
      );
    const outcome = criterion.score(taskForce, c.params);
    const fraction = fractionFor(outcome.status, rubric);
    const points = fraction === null ? 0 : round2(c.weight * fraction);
    return {
      id: c.id,
      title: c.title,
      category: c.category,
      question: c.question,
      weight: c.weight,
      points,
      fraction,
      ...inWords(taskForce, outcome, messages),
    };
  });
  const totals = tally(results, rubric);
  return {
    name: taskForce.name,
    rubricVersion: rubric.version,
    criteria: results,
    ...totals,
    confidence: confidence(taskForce, results, rubric),
  };
}

/** A criterion's findings in words, with the sources and dates its status rests on. */
function inWords(
  tf: TaskForce,
  outcome: CriterionOutcome,
  messages: Messages,
): Pick<CriterionResult, "status" | "reason" | "finding" | "facts" | "basis" | "asOf"> {
  const facts: Fact[] = outcome.facts.map((f) => ({
    label: format(messages, f.label),
    value: formatValue(messages, f.value),
    sources: f.sources,
    ...(f.asOf ? { asOf: f.asOf } : {}),
    ...(f.context ? { context: true } : {}),
  }));
  const deciding = outcome.status === "unknown" ? [] : outcome.facts.filter((f) => !f.context);
  const basis = [...new Set(deciding.flatMap((f) => f.sources.map((c) => c.source)))];
  const dates = new Map<string, FactDate>();
  for (const f of deciding) if (f.asOf) dates.set(`${f.asOf.date}|${f.asOf.basis}|${f.asOf.published}`, f.asOf);
  const asOf = [...dates.values()].sort((a, b) => latest(b).localeCompare(latest(a)));
  // A reason that rests on news or advocacy says whose words it is.
  const finding = withAttribution(tf, basis, outcome.reason);
  return { status: outcome.status, reason: sentence(format(messages, finding)), finding, facts, basis, asOf };
}

/** Capital first letter and a closing full stop, so every reason reads as one sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const cap = t.charAt(0).toLocaleUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

function tally(results: readonly Pick<CriterionResult, "status" | "weight" | "points">[], rubric: Rubric) {
  const maxPoints = round2(results.reduce((s, r) => s + r.weight, 0));
  // Unknown earns no points and takes its weight out of what could be earned.
  const scoredMaxPoints = round2(results.filter((r) => r.status !== "unknown").reduce((s, r) => s + r.weight, 0));
  const points = round2(results.reduce((s, r) => s + (r.status === "unknown" ? 0 : r.points), 0));
  const percent = scoredMaxPoints > 0 ? floorTo((points / scoredMaxPoints) * 100, 2) : 0;
  const coverage = maxPoints > 0 ? floorTo(scoredMaxPoints / maxPoints, 4) : 0;
  return { points, maxPoints, scoredMaxPoints, percent, coverage, grade: grade(percent, coverage, rubric) };
}

/**
 * How sure the grade is: which single sources alone carry scored criteria, and what the
 * grade would be if every criterion resting only on second-hand sources were unknown.
 */
function confidence(tf: TaskForce, results: readonly CriterionResult[], rubric: Rubric): Confidence {
  const kind = new Map(tf.sources.map((s) => [s.id, s.type]));
  const scored = results.filter((r) => r.status !== "unknown" && r.basis.length > 0);
  const sole = new Map<string, { criteria: number; weight: number }>();
  for (const r of scored) {
    if (r.basis.length !== 1) continue;
    const e = sole.get(r.basis[0]!) ?? { criteria: 0, weight: 0 };
    sole.set(r.basis[0]!, { criteria: e.criteria + 1, weight: round2(e.weight + r.weight) });
  }
  const secondHand = scored.filter((r) => r.basis.every((id) => SECOND_HAND.has(kind.get(id) ?? "other")));
  const ids = new Set(secondHand.map((r) => r.id));
  const without = tally(
    results.map((r) => (ids.has(r.id) ? { ...r, status: "unknown" as const, points: 0 } : r)),
    rubric,
  );
  const actual = tally(results, rubric);
  return {
    soleSources: [...sole.entries()]
      .map(([source, v]) => ({ source, ...v }))
      .sort((a, b) => b.weight - a.weight || (a.source < b.source ? -1 : 1)),
    secondHand: { criteria: secondHand.map((r) => r.id), weight: round2(secondHand.reduce((s, r) => s + r.weight, 0)) },
    withoutSecondHand: {
      grade: without.grade,
      percent: without.percent,
      coverage: without.coverage,
      points: without.points,
      scoredMaxPoints: without.scoredMaxPoints,
    },
    fragile: without.grade !== actual.grade,
  };
}

/**
 * A letter from the rounded percentage; "Incomplete" when too little of the rubric had data.
 * A percentage exactly on a boundary earns the higher letter.
 */
export function grade(percent: number, coverage: number, rubric: Rubric): string {
  if (coverage <= 0 || coverage < rubric.grading.min_coverage) return "Incomplete";
  for (const g of rubric.grading.grades) if (percent >= g.min_percent) return g.grade;
  return rubric.grading.grades[rubric.grading.grades.length - 1]?.grade ?? "F";
}
