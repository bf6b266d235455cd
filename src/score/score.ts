import type { TaskForce } from "../model.ts";
import { criteria } from "./criteria/index.ts";
import type { CriterionResult, Rubric, ScoreCard, Status } from "./types.ts";

/** Rounds to two decimals, half away from zero. Used for points. */
export const round2 = (n: number): number => Math.sign(n) * Math.round((Math.abs(n) + Number.EPSILON) * 100) / 100;

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

/** Scores one task force against the rubric. Pure. */
export function score(taskForce: TaskForce, rubric: Rubric): ScoreCard {
  const results: CriterionResult[] = rubric.criteria.map((c) => {
    const criterion = criteria[c.id];
    if (!criterion) throw new Error(`the rubric names criterion '${c.id}', but no function scores it (this is a bug: the rubric check should have caught it)`);
    const outcome = criterion.score(taskForce, c.params);
    const fraction = fractionFor(outcome.status, rubric);
    const points = fraction === null ? 0 : round2(c.weight * fraction);
    return { id: c.id, title: c.title, category: c.category, question: c.question, weight: c.weight, points, fraction, ...outcome };
  });
  const maxPoints = round2(results.reduce((s, r) => s + r.weight, 0));
  // Unknown earns no points and takes its weight out of what could be earned.
  const scoredMaxPoints = round2(results.filter((r) => r.status !== "unknown").reduce((s, r) => s + r.weight, 0));
  const points = round2(results.reduce((s, r) => s + r.points, 0));
  const percent = scoredMaxPoints > 0 ? floorTo((points / scoredMaxPoints) * 100, 2) : 0;
  const coverage = maxPoints > 0 ? floorTo(scoredMaxPoints / maxPoints, 4) : 0;
  return {
    name: taskForce.name,
    rubricVersion: rubric.version,
    criteria: results,
    points,
    maxPoints,
    scoredMaxPoints,
    percent,
    coverage,
    grade: grade(percent, coverage, rubric),
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
