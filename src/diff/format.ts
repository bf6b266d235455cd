// The diff model as markdown (for pull requests), plain text (for a terminal) or JSON.
// Names and values come from untrusted files, so markdown output escapes every one.
// The score is worded by the catalogue, as the index and the summary word it.
import { formatProblem } from "../errors.ts";
import { format, msg, type Messages } from "../i18n/message.ts";
import { statusLabel } from "../render/view.ts";
import type { CardDiff, CardState, Change, CriterionChange, CriterionSide, DiffModel } from "./compare.ts";

/** The hidden line that marks the pull-request comment, so the workflow edits it instead of adding another. */
export const COMMENT_MARKER = "<!-- scorecard-diff -->";

const MAX_PROBLEMS = 10;

/** Text that markdown and GitHub show literally: no links, images, HTML, tables or @-mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;");
}

function grade(state: CardState | undefined): string {
  if (!state) return "none";
  if (state.state === "scored") return state.grade;
  return state.state === "invalid" ? "cannot be scored (errors in the file)" : "not scored";
}

/**
 * "B, 62.5% (25 of the 40 points that had data), 80% of the rubric had data"; no percentage while
 * Incomplete, as on page 1 and in the index: "Incomplete (5.5 of the 21 points that had data), …".
 */
export function scoreLine(m: Messages, state: CardState | undefined): string {
  if (!state) return "(no file)";
  if (state.state !== "scored") return grade(state);
  const points = format(m, msg("collection.score-points", { points: state.points, max: state.scoredMaxPoints }));
  const coverage = format(m, msg("collection.summary.coverage-cell", { coverage: Math.round(state.coverage * 100) }));
  if (state.grade === "Incomplete") return `${state.grade} ${points}, ${coverage}`;
  return `${state.grade}, ${format(m, msg("collection.score-percent", { percent: state.percent }))} ${points}, ${coverage}`;
}

function criterionLine(side: CriterionSide | undefined): string {
  return side ? `${statusLabel[side.status]}, ${side.points} of ${side.weight} points` : "not in the rubric";
}

function headline(card: CardDiff): string {
  const b = grade(card.before);
  const a = grade(card.after);
  switch (card.change) {
    case "added":
      return `new scorecard, grade ${a}`;
    case "removed":
      return `removed (was grade ${b})`;
    default:
      if (card.after?.state === "unscored") return "not scored";
      if (card.after?.state === "invalid") return card.before?.state === "invalid" ? "still has errors" : `now has errors (was grade ${b})`;
      if (card.before?.state === "invalid" && card.after?.state === "scored") return `errors fixed, grade ${a}`;
      return b === a ? `grade ${a} (unchanged)` : `grade ${b} → ${a}`;
  }
}

export interface Writer {
  heading(text: string): string;
  strong(text: string): string;
  esc(text: string): string;
  code(text: string): string;
  item(depth: number, text: string): string;
}

export const markdown: Writer = {
  heading: (t) => `### ${t}`,
  strong: (t) => `**${t}**`,
  esc: escapeMarkdown,
  code: (t) => `\`${t.replace(/[`\s]+/g, " ")}\``,
  item: (depth, t) => `${"  ".repeat(depth)}- ${t}`,
};

export const plain: Writer = {
  heading: (t) => `== ${t}`,
  strong: (t) => t,
  esc: (t) => t.replace(/\s+/g, " "),
  code: (t) => t,
  item: (depth, t) => `${"  ".repeat(depth + 1)}- ${t}`,
};

function changeLine(w: Writer, c: Change): string {
  return `${w.esc(c.field)}: ${w.esc(c.before)} → ${w.esc(c.after)}`;
}

export function criterionBlock(w: Writer, c: CriterionChange): string[] {
  // A new or removed scorecard: each criterion's result, without a list of every fact.
  if (!c.before || !c.after) {
    const side = (c.after ?? c.before)!;
    return [w.item(0, `${w.strong(w.esc(c.title))}: ${criterionLine(side)}. ${w.esc(side.reason)}`)];
  }
  const out = [w.item(0, `${w.strong(w.esc(c.title))}: ${criterionLine(c.before)} → ${criterionLine(c.after)}`)];
  if (c.after.reason !== c.before.reason) out.push(w.item(1, `Now: ${w.esc(c.after.reason)}`));
  for (const f of c.facts) out.push(w.item(1, changeLine(w, f)));
  for (const e of c.edits) out.push(w.item(1, `Changed in the file: ${changeLine(w, e)}`));
  return out;
}

function problemLines(w: Writer, state: CardState | undefined, when: string): string[] {
  if (state?.state === "unscored") return [`${w.strong(`Not scored ${when}`)}: ${w.esc(state.reason)}`, ""];
  if (state?.state !== "invalid") return [];
  const shown = state.problems.slice(0, MAX_PROBLEMS).map((p) => w.item(0, w.esc(formatProblem(p))));
  const more = state.problems.length - shown.length;
  return [
    `${w.strong(`The file has errors ${when}`)}, so it cannot be scored. Run \`npm run scorecard -- validate\` to see them all.`,
    ...shown,
    ...(more > 0 ? [w.item(0, `and ${more} more`)] : []),
  ];
}

function cardBlock(w: Writer, m: Messages, card: CardDiff): string[] {
  const out = [w.heading(`${w.esc(card.name)} (${w.code(card.file)}): ${w.esc(headline(card))}`), ""];
  if (card.change !== "added") out.push(`Before: ${w.esc(scoreLine(m, card.before))}`, "");
  if (card.change !== "removed") out.push(`After: ${w.esc(scoreLine(m, card.after))}`, "");
  const problems = [...problemLines(w, card.before, "before the change"), ...problemLines(w, card.after, "after the change")];
  if (problems.length) out.push(...problems, "");
  if (card.criteria.length) {
    out.push(
      w.strong(card.change === "added" ? "Criteria" : card.change === "removed" ? "Criteria before removal" : "Criteria that moved"),
      "",
    );
    for (const c of card.criteria) out.push(...criterionBlock(w, c));
    out.push("");
  }
  if (card.review.length) {
    out.push(w.strong("Review and the task force's replies"), "");
    for (const c of card.review) out.push(w.item(0, changeLine(w, c)));
    out.push("");
  }
  if (card.noEffect.length) {
    out.push(w.strong("Facts that changed without moving the score"), "");
    for (const c of card.noEffect) out.push(w.item(0, changeLine(w, c)));
    out.push("");
  }
  if (card.unclear.length) {
    out.push(w.strong("Other changes in the file"), "");
    for (const c of card.unclear) out.push(w.item(0, changeLine(w, c)));
    out.push("");
  }
  if (
    card.change === "changed" &&
    !card.criteria.length &&
    !card.noEffect.length &&
    !card.unclear.length &&
    !card.review.length &&
    card.before?.state !== "invalid" &&
    card.after?.state !== "invalid"
  ) {
    out.push("No fact changed: only comments or layout.", "");
  }
  return out;
}

function rubricBlock(w: Writer, model: DiffModel): string[] {
  const r = model.rubric;
  const out: string[] = [];
  if (r) {
    out.push(
      `${w.strong("The rubric changed")} (version ${w.esc(r.before ?? "unreadable")} → ${w.esc(r.after ?? "unreadable")}). This affects every scorecard: each side is scored with its own rubric.`,
      "",
    );
    if (r.added.length) out.push(w.item(0, `Criteria added: ${w.esc(r.added.join(", "))}`));
    if (r.removed.length) out.push(w.item(0, `Criteria removed: ${w.esc(r.removed.join(", "))}`));
    for (const c of r.changed) out.push(w.item(0, w.esc(c)));
    if (r.gradingChanged) out.push(w.item(0, "The grading rules (grade boundaries or minimum coverage) changed."));
    if (r.added.length || r.removed.length || r.changed.length || r.gradingChanged) out.push("");
  }
  for (const [side, info] of [
    ["before", model.base],
    ["after", model.head],
  ] as const) {
    if (info.rubricError) out.push(`${w.strong(`The rubric ${side} the change cannot be read`)}: ${w.esc(info.rubricError)}`, "");
  }
  return out;
}

function render(w: Writer, m: Messages, model: DiffModel, title: string): string {
  const out = [title, "", `Comparing ${w.strong(w.esc(model.base.label))} with ${w.strong(w.esc(model.head.label))}.`, ""];
  out.push(...rubricBlock(w, model));
  if (model.cards.length === 0) out.push("No scorecard changed.", "");
  for (const card of model.cards) out.push(...cardBlock(w, m, card));
  if (model.unchanged.length) out.push(`${model.unchanged.length} other scorecard(s) unchanged.`, "");
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

/** The pull-request comment and job summary; `m` is the catalogue the score is worded by. Ends with a newline. */
export function formatMarkdown(model: DiffModel, m: Messages): string {
  return render(markdown, m, model, `${COMMENT_MARKER}\n## Scorecard changes`);
}

/** The terminal's text. Ends with a newline. */
export function formatText(model: DiffModel, m: Messages): string {
  return render(plain, m, model, "Scorecard changes");
}

export function formatJson(model: DiffModel): string {
  return JSON.stringify(model, null, 2) + "\n";
}
