import type { ScoreCard } from "./types.ts";

export interface ScoredFile {
  /** The data file, as named in the repository (such as scorecards/x.yaml). */
  file: string;
  card: ScoreCard;
}

// Plain code-unit order, not localeCompare: the same on every machine and locale.
const byFile = (a: ScoredFile, b: ScoredFile): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** One scorecard as plain data, with its keys in a fixed order. */
export function cardRecord({ file, card }: ScoredFile) {
  return {
    file,
    name: card.name,
    rubric_version: card.rubricVersion,
    grade: card.grade,
    points: card.points,
    max_points: card.maxPoints,
    scored_max_points: card.scoredMaxPoints,
    percent: card.percent,
    coverage: card.coverage,
    criteria: card.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      category: c.category,
      status: c.status,
      points: c.points,
      max_points: c.weight,
      reason: c.reason,
      sources: [...c.basis],
      as_of: c.asOf.map((d) => ({ date: d.date, basis: d.basis, source_date: d.published })),
      facts: c.facts.map((f) => ({
        label: f.label,
        value: f.value,
        sources: f.sources.map((s) => s.source),
        ...(f.sources.some((s) => s.quote)
          ? { quotes: f.sources.filter((s) => s.quote).map((s) => ({ source: s.source, quote: s.quote })) }
          : {}),
        ...(f.context ? { scored: false } : {}),
      })),
    })),
  };
}

/**
 * output/scores.json: every scorecard, in file-name order, with a fixed key order. It holds
 * no dates, paths outside the repository or timings, so the same input gives the same bytes.
 */
export function scoresJson(scored: readonly ScoredFile[]): string {
  return JSON.stringify([...scored].sort(byFile).map(cardRecord), null, 2) + "\n";
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** output/scores.csv: one row per task force, one column per criterion status. */
export function scoresCsv(scored: readonly ScoredFile[]): string {
  const sorted = [...scored].sort(byFile);
  const ids = [...new Set(sorted.flatMap((s) => s.card.criteria.map((c) => c.id)))];
  const header = ["file", "name", "grade", "points", "max_points", "scored_max_points", "percent", "coverage", "rubric_version", ...ids];
  const rows = sorted.map(({ file, card }) => {
    const status = new Map(card.criteria.map((c) => [c.id, c.status]));
    return [
      file,
      card.name,
      card.grade,
      card.points,
      card.maxPoints,
      card.scoredMaxPoints,
      card.percent,
      card.coverage,
      card.rubricVersion,
      ...ids.map((id) => status.get(id) ?? ""),
    ];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}
