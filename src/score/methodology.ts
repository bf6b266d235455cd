import type { Citation, Rubric, RubricCriterion } from "./types.ts";

// Rubric text is project data, but keep it from turning into HTML or breaking a table.
const text = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\s+/g, " ").trim();
const cell = (s: string): string => text(s).replace(/\|/g, "\\|");
const pct = (share: number): string => `${Math.round(share * 10000) / 100}%`;

/** "Platt et al. *Title*. PLOS Medicine, 2018. doi:… " */
export function formatCitation(c: Citation): string {
  const parts = [
    c.author ? `${text(c.author).replace(/\.$/, "")}.` : "",
    `*${text(c.title)}*.`,
    `${text(c.publisher)}${c.date ? `, ${text(c.date)}` : ""}${c.section ? `, ${text(c.section)}` : ""}.`,
  ];
  if (c.identifier) parts.push(`${text(c.identifier)}.`);
  if (c.url) parts.push(`<${c.url}>`);
  return parts.filter(Boolean).join(" ");
}

function describeParams(params: Record<string, unknown>): string[] {
  return Object.entries(params).map(([k, v]) => `\`${k}\`: ${Array.isArray(v) ? v.map(String).join(", ") : String(v)}`);
}

function criterionSection(c: RubricCriterion, n: number, total: number): string {
  const lines = [
    `### ${n}. ${text(c.title)}`,
    "",
    `Id \`${c.id}\`. Weight ${c.weight} of ${total} points.`,
    "",
    `**Question.** ${text(c.question)}`,
    "",
    `**Why it matters.** ${text(c.why)}`,
    "",
    `- **Met:** ${text(c.scoring.met)}`,
    `- **Partly met:** ${text(c.scoring.partly_met)}`,
    `- **Not met:** ${text(c.scoring.not_met)}`,
    `- **Partial credit:** ${text(c.partial_credit)}`,
    `- **Unknown data:** ${text(c.unknown_data)}`,
  ];
  const params = describeParams(c.params);
  if (params.length) lines.push(`- **Thresholds and settings:** ${params.join("; ")}`);
  lines.push("", "Sources:", "", ...c.citations.map((cite) => `- ${formatCitation(cite)}`));
  return lines.join("\n");
}

/** The methodology document, generated from the rubric. Pure: the same rubric gives the same text. */
export function methodologyMarkdown(rubric: Rubric): string {
  const total = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  const g = rubric.grading;
  const out: string[] = [
    `# ${text(rubric.title)}: methodology`,
    "",
    `Rubric version **${text(rubric.version)}**, published by the ${text(rubric.publisher)}. Every scorecard prints the rubric version it was scored with.`,
    "",
    "<!-- Generated from rubric/rubric.yaml by `npm run docs:methodology`. Do not edit by hand: edit the rubric and run the script. -->",
    "",
    text(rubric.summary),
    "",
    "## How a grade is worked out",
    "",
    `Each criterion is met, partly met, not met or unknown. Met earns its full weight, partly met earns ${pct(g.partly_met_share)} of it, and not met earns nothing.`,
    "",
    `**Unknown data.** ${text(g.unknown)} The minimum coverage for a letter grade is ${pct(g.min_coverage)}.`,
    "",
    "| Grade | Percentage of the points that had data |",
    "| --- | --- |",
    ...g.grades.map((x, i) => {
      const above = g.grades[i - 1];
      return `| ${cell(x.grade)} | ${above ? `${x.min_percent}% to under ${above.min_percent}%` : `${x.min_percent}% or more`} |`;
    }),
    `| Incomplete | coverage below ${pct(g.min_coverage)}, whatever the percentage |`,
    "",
    `**Rounding.** ${text(g.rounding)}`,
    "",
    `**Ties.** ${text(g.ties)}`,
    ...(g.evidence
      ? [
          "",
          `**How the evidence is weighed.** ${text(g.evidence)}`,
          "",
          `**Dated facts.** A fact older than ${g.stale_after_years} years at the scorecard's date is marked as dated.`,
        ]
      : []),
    "",
    "## The criteria",
    "",
    "| # | Criterion | Category | Weight |",
    "| --- | --- | --- | --- |",
    ...rubric.criteria.map(
      (c, i) =>
        `| ${i + 1} | ${cell(c.title)} | ${cell(rubric.categories.find((k) => k.id === c.category)?.title ?? c.category)} | ${c.weight} |`,
    ),
    `| | **Total** | | **${total}** |`,
    "",
  ];
  for (const cat of rubric.categories) {
    const inCat = rubric.criteria.filter((c) => c.category === cat.id);
    if (!inCat.length) continue;
    out.push(`## ${text(cat.title)}`, "");
    for (const c of inCat) out.push(criterionSection(c, rubric.criteria.indexOf(c) + 1, total), "");
  }
  const seen = new Set<string>();
  const all = rubric.criteria
    .flatMap((c) => c.citations)
    .filter((c) => {
      const key = formatCitation(c);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  const byTitle = [...all].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  out.push("## All sources", "", ...byTitle.map((c) => `- ${formatCitation(c)}`), "");
  return out.join("\n");
}
