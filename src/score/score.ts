import type { TaskForce } from "../model.ts";
import { criteria } from "./criteria/index.ts";
import type { CriterionResult, Rubric, ScoreCard } from "./types.ts";

/** Rounds to two decimals, half away from zero, so totals are stable in JSON. */
export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** Scores one task force against the rubric. Pure. */
export function score(taskForce: TaskForce, rubric: Rubric): ScoreCard {
  const results: CriterionResult[] = rubric.criteria.map((c) => {
    const fn = criteria[c.id];
    if (!fn) throw new Error(`the rubric names criterion '${c.id}', but no function scores it (this is a bug)`);
    const outcome = fn(taskForce, c.params);
    const points = outcome.fraction === null ? 0 : round2(c.weight * outcome.fraction);
    return { id: c.id, title: c.title, category: c.category, weight: c.weight, points, ...outcome };
  });
  const maxPoints = results.reduce((s, r) => s + r.weight, 0);
  const known = results.filter((r) => r.status !== "unknown");
  const knownWeight = known.reduce((s, r) => s + r.weight, 0);
  const points = round2(known.reduce((s, r) => s + r.points, 0));
  const percent = knownWeight > 0 ? round2((points / knownWeight) * 100) : 0;
  const coverage = maxPoints > 0 ? round2(knownWeight / maxPoints) : 0;
  return {
    name: taskForce.name,
    rubricVersion: rubric.version,
    criteria: results,
    points,
    maxPoints,
    percent,
    coverage,
    grade: grade(percent, coverage, rubric),
  };
}

/** A letter from the percentage; "Incomplete" when too little of the rubric had data. */
export function grade(percent: number, coverage: number, rubric: Rubric): string {
  if (coverage < rubric.grading.min_coverage) return "Incomplete";
  for (const g of rubric.grading.grades) if (percent >= g.min_percent) return g.grade;
  return rubric.grading.grades[rubric.grading.grades.length - 1]?.grade ?? "F";
}
