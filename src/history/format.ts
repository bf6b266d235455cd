// The history as plain text (for a terminal), markdown (for a pull request or an issue) or
// JSON (for other tools). The explanations of what moved a score are the diff's own.
import { criterionBlock, markdown, plain, type Writer } from "../diff/format.ts";
import { statusLabel } from "../render/view.ts";
import type { HistoryEntry, HistoryModel } from "./history.ts";

const pct = (n: number): string => `${Math.round(n * 100) / 100}%`;
const short = (commit: string): string => commit.slice(0, 12);

function gradeText(e: HistoryEntry): string {
  switch (e.state) {
    case "scored":
      return e.grade ?? "";
    case "invalid":
      return "errors";
    case "unscored":
      return "not scored";
    default:
      return "removed";
  }
}

const scoreText = (e: HistoryEntry): string =>
  e.percent === null ? "–" : `${pct(e.percent)} (${e.points} of ${e.scoredMaxPoints} points)`;
const coverageText = (e: HistoryEntry): string => (e.coverage === null ? "–" : pct(e.coverage * 100));

/** One line: what moved the score at this commit. */
export function movedSummary(e: HistoryEntry): string {
  const m = e.moved;
  const criteria = m.criteria.map((c) => {
    const { before: b, after: a } = c;
    if (b && b.status === a?.status) {
      // An unknown earns nothing either way: only its weight moved.
      if (a.status === "unknown") return `${c.title} (${statusLabel[a.status]}, weight ${b.weight} → ${a.weight})`;
      return `${c.title} (${statusLabel[a.status]}, ${b.points} of ${b.weight} → ${a.points} of ${a.weight} points)`;
    }
    return `${c.title} (${b ? statusLabel[b.status] : "new"} → ${a ? statusLabel[a.status] : "removed"})`;
  });
  const rubric = m.rubric ? `the rubric changed (${m.rubric.before ?? "unreadable"} → ${m.rubric.after ?? "unreadable"})` : "";
  const moves = [rubric, ...criteria].filter(Boolean);
  const tail = moves.length ? moves.join("; ") : "";
  switch (m.kind) {
    case "first":
      return `First version${e.published ? ", published" : ""}.`;
    case "errors": {
      const first = e.problems[0];
      return `The file has ${e.problems.length === 1 ? "an error" : `${e.problems.length} errors`} at this commit, so it cannot be scored${first ? ` (line ${first.line}: ${first.message})` : ""}.`;
    }
    case "unscored":
      return `Not scored: ${e.reason ?? "this version of the tool cannot score it."}`;
    case "removed":
      return "The file was removed.";
    case "fixed": {
      const what = m.previousState === "invalid" ? "Errors fixed" : "Can be scored again";
      if (!m.comparedWith) return `${m.previousState === "invalid" ? "Errors fixed" : "The first version that this tool can score"}.`;
      return `${what}${tail ? `; since the last version that could be scored: ${tail}` : "; nothing moved since the last version that could be scored"}.`;
    }
    case "restored":
      return `The file is back${tail ? `; since it was last scored: ${tail}` : ""}.`;
    default:
      return tail ? `${tail.charAt(0).toUpperCase()}${tail.slice(1)}.` : "The grading rules changed.";
  }
}

function details(w: Writer, e: HistoryEntry): string[] {
  const out: string[] = [];
  const r = e.moved.rubric;
  if (r) {
    out.push(
      w.item(0, `${w.strong("The rubric changed")} (version ${w.esc(r.before ?? "unreadable")} → ${w.esc(r.after ?? "unreadable")}).`),
    );
    for (const line of [...r.added.map((t) => `Criterion added: ${t}`), ...r.removed.map((t) => `Criterion removed: ${t}`), ...r.changed])
      out.push(w.item(1, w.esc(line)));
    if (r.gradingChanged) out.push(w.item(1, "The grading rules (grade boundaries or minimum coverage) changed."));
  }
  for (const c of e.moved.criteria) out.push(...criterionBlock(w, c));
  for (const p of e.problems.slice(0, 5)) out.push(w.item(0, w.esc(`line ${p.line}, column ${p.col}: ${p.message}`)));
  if (e.problems.length > 5) out.push(w.item(0, `and ${e.problems.length - 5} more`));
  for (const n of e.notes) out.push(w.item(0, `${w.strong("Note")}: ${w.esc(n)}`));
  return out;
}

function intro(model: HistoryModel): { title: string; counts: string; method: string } {
  const rows = model.entries.length;
  return {
    title: `History of ${model.name ?? model.file}`,
    counts: `${model.commits} ${model.commits === 1 ? "commit" : "commits"} touched the file, the rubric or the criteria's code; ${rows === 1 ? "1 of them changed" : `${rows} of them changed`} the grade, score, coverage or a criterion's status.`,
    method: `Each version is scored by this version of the tool, with the rubric file of its own commit${model.toolRubricVersion ? ` (the tool's own rubric is version ${model.toolRubricVersion})` : ""}.`,
  };
}

export function formatText(model: HistoryModel): string {
  const head = intro(model);
  const out = [head.title, `${model.file}: ${head.counts}`, head.method, ""];
  for (const e of model.entries) {
    out.push(
      [
        e.date,
        short(e.commit),
        `rubric ${e.rubricVersion ?? "none"}`,
        `grade ${gradeText(e)}`,
        `score ${scoreText(e)}`,
        `coverage ${coverageText(e)}`,
        e.published ? "(published)" : "",
      ]
        .filter(Boolean)
        .join("  "),
    );
    out.push(`  ${plain.esc(e.subject)}${e.file && e.file !== model.file ? `  [as ${e.file}]` : ""}`);
    out.push(`  ${movedSummary(e)}`);
    for (const line of details(plain, e)) out.push(`  ${line}`);
    out.push("");
  }
  if (model.entries.length === 0) out.push("No commit changed the score.", "");
  return out.join("\n").trimEnd() + "\n";
}

export function formatMarkdown(model: HistoryModel): string {
  const w = markdown;
  const head = intro(model);
  const out = [`## ${w.esc(head.title)}`, "", `${w.code(model.file)}: ${w.esc(head.counts)} ${w.esc(head.method)}`, ""];
  if (model.entries.length === 0) return [...out, "No commit changed the score.", ""].join("\n");
  out.push("| Date | Commit | Rubric | Grade | Score | Coverage | What moved it |", "| --- | --- | --- | --- | --- | --- | --- |");
  for (const e of model.entries) {
    const cells = [
      e.date,
      w.code(short(e.commit)),
      w.esc(e.rubricVersion ?? "none"),
      w.esc(gradeText(e)) + (e.published ? " (published)" : ""),
      w.esc(scoreText(e)),
      w.esc(coverageText(e)),
      w.esc(movedSummary(e)),
    ];
    out.push(`| ${cells.join(" | ")} |`);
  }
  out.push("");
  for (const e of model.entries) {
    const lines = details(w, e);
    if (lines.length === 0) continue;
    out.push(`### ${e.date} (${w.code(short(e.commit))}): ${w.esc(e.subject)}`, "", ...lines, "");
  }
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

/** One entry per commit that changed the score, oldest first. */
export function formatJson(model: HistoryModel): string {
  return JSON.stringify(model.entries, null, 2) + "\n";
}
