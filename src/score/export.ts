import type { ScoreCard } from "./types.ts";

export interface ScoredFile {
  /** The data file, as named in the repository (such as scorecards/x.yaml). */
  file: string;
  card: ScoreCard;
}

/** output/scores.json: every scorecard, in file order, with stable key order. */
export function scoresJson(scored: readonly ScoredFile[]): string {
  const rows = [...scored]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(({ file, card }) => ({
      file,
      name: card.name,
      rubric_version: card.rubricVersion,
      grade: card.grade,
      points: card.points,
      max_points: card.maxPoints,
      percent: card.percent,
      coverage: card.coverage,
      criteria: card.criteria.map((c) => ({
        id: c.id,
        title: c.title,
        category: c.category,
        status: c.status,
        points: c.points,
        weight: c.weight,
        reason: c.reason,
        facts: c.facts,
      })),
    }));
  return JSON.stringify(rows, null, 2) + "\n";
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** output/scores.csv: one row per task force, one column per criterion status. */
export function scoresCsv(scored: readonly ScoredFile[]): string {
  const sorted = [...scored].sort((a, b) => a.file.localeCompare(b.file));
  const ids = [...new Set(sorted.flatMap((s) => s.card.criteria.map((c) => c.id)))];
  const header = ["file", "name", "grade", "points", "max_points", "percent", "coverage", "rubric_version", ...ids];
  const rows = sorted.map(({ file, card }) => {
    const status = new Map(card.criteria.map((c) => [c.id, c.status]));
    return [file, card.name, card.grade, card.points, card.maxPoints, card.percent, card.coverage, card.rubricVersion, ...ids.map((id) => status.get(id) ?? "")];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}
