/** A problem in a user's file, located by line and column (both 1-based). */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** A stable code, for tests and tools. */
  code: ProblemCode;
  message: string;
  severity: "error" | "warning";
}

/** Every problem code, for tests, tools and the field reference. Codes are never renamed. */
export const PROBLEM_CODES = [
  // The file itself: reading and YAML (src/load)
  "read-failed",
  "file-too-large",
  "yaml-binary",
  "yaml-syntax",
  "yaml-tab",
  "yaml-duplicate-key",
  "yaml-alias-limit",
  "yaml-alias-unresolved",
  "yaml-alias-cycle",
  "yaml-too-deep",
  "yaml-tag",
  "yaml-complex-key",
  "yaml-multiple-documents",
  "yaml-empty",
  "yaml-not-a-map",
  // The schema (schemas/task-force.schema.json)
  "schema-required",
  "schema-unknown-field",
  "schema-enum",
  "schema-type",
  "schema-format",
  "schema-count",
  "schema-const",
  "schema-length",
  "schema-other",
  // Rules beyond the schema (src/validate/semantic.ts)
  "source-unresolved",
  "source-duplicate-id",
  "source-missing",
  "source-unused",
  "source-unfindable",
  "arrests-exceed-total",
  "referrals-exceed-arrests",
  "minors-exceed-arrests",
  "date-in-future",
  "date-invalid",
  "date-order",
  "member-duplicate",
  "seats-fewer-than-members",
  "reply-missing",
  // The review and the right of reply (src/validate/review.ts)
  "review-old-reply",
  "review-not-ready",
  "review-status-mismatch",
  "review-deadline-passed",
  "reply-unknown-criterion",
  "reply-before-request",
  "deadline-before-request",
  // A release build (--strict)
  "review-draft",
  "modeline-missing",
  "quote-missing",
  "none-reported-unsourced",
  "seats-zero-unproven",
  "policy-from-practice",
  "inferred-unexplained",
  // The bundled fonts (src/validate/font-coverage.ts)
  "character-unprintable",
  // Invisible characters (src/validate/invisible-characters.ts)
  "character-invisible",
  "too-many-problems",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** What each code means, in a few plain words: printed in docs/fields.md for people and tools. */
export const PROBLEM_CODE_HELP: Record<ProblemCode, string> = {
  "read-failed": "The file could not be read (missing, a folder, or no permission).",
  "file-too-large": "The file is far larger than any task force file.",
  "yaml-binary": "The file is not plain UTF-8 text.",
  "yaml-syntax": "The YAML cannot be read: a missing colon, an unclosed quote or bracket, bad indentation.",
  "yaml-tab": "A tab is used for indentation; use spaces.",
  "yaml-duplicate-key": "The same field appears twice in one section.",
  "yaml-alias-limit": "Aliases (*name) are repeated too often to expand safely.",
  "yaml-alias-unresolved": "An alias (*name) refers to no anchor (&name).",
  "yaml-alias-cycle": "An alias refers to the section that contains it.",
  "yaml-too-deep": "Nesting is far deeper than any task force file.",
  "yaml-tag": "A YAML tag (such as !!binary) is used; write plain values.",
  "yaml-complex-key": "A field name is a list or a section.",
  "yaml-multiple-documents": "The file holds more than one YAML document (---).",
  "yaml-empty": "The file is empty.",
  "yaml-not-a-map": "The file is a list or a single value instead of fields.",
  "schema-required": "A required field is missing.",
  "schema-unknown-field": "A field that the format does not have, often a misspelling.",
  "schema-enum": "A value that is not one of the allowed words.",
  "schema-type": "A value of the wrong kind (text, number, list or section).",
  "schema-format": "A date, address, id or code not written in the required form.",
  "schema-count": "A count that is not a whole number of 0 or more, or unknown.",
  "schema-const": "A value that must be exactly one thing (such as schema_version: 1).",
  "schema-length": "Text that is empty or too long.",
  "schema-other": "Any other breach of the schema (such as a source cited twice in one list).",
  "source-unresolved": "A fact cites a source id that is not listed under sources:.",
  "source-duplicate-id": "Two sources have the same id.",
  "source-missing": "A known fact (yes, no or a number), or a listed member or operation, cites no source.",
  "source-unused": "Warning: a listed source that no fact cites.",
  "source-unfindable": "Warning: a source with no address and no identifier.",
  "arrests-exceed-total": "Arrests by charge add up to more than the total.",
  "referrals-exceed-arrests": "More people referred to services than arrested (plus victims identified).",
  "minors-exceed-arrests": "More minors arrested than arrests in all.",
  "date-in-future": "A date after today.",
  "date-invalid": "A day that does not exist, such as 2023-02-30.",
  "date-order": "Warning: dates that contradict each other (an operation before the founding, a review before a source).",
  "member-duplicate": "Warning: the same organisation listed twice.",
  "seats-fewer-than-members": "Warning: fewer seats counted than members of that kind listed.",
  "reply-missing": "Sent for reply, replied, no reply or published, but no requested: date says when the draft was sent.",
  "review-old-reply":
    "The old review.reply section: write requested, deadline and replies instead (a warning when it only said not-requested).",
  "review-not-ready": "Published (or no-reply) before the task force replied or its deadline passed.",
  "review-status-mismatch": "The review status says one thing and the replies another (replied with no reply recorded, and the like).",
  "review-deadline-passed": "Warning: the reply deadline has passed and no reply is recorded; write status: no-reply or record the reply.",
  "reply-unknown-criterion": "A reply's about: names no criterion of the rubric (and is not general).",
  "reply-before-request": "A reply dated before the draft was sent to the task force.",
  "deadline-before-request": "A reply deadline before the day the draft was sent.",
  "review-draft": "With --strict (a release build): the scorecard is not published yet.",
  "modeline-missing": "Warning: no `# yaml-language-server: $schema=` line, so editors cannot help.",
  "quote-missing":
    "Warning: a citation of a fact about a real task force without the source's own words (quote:). validate --strict refuses it.",
  "none-reported-unsourced": "A figure marked none-reported (a source reports other figures, not this one) with no source cited.",
  "seats-zero-unproven":
    "Seats for a group written as 0 although no complete member list or count shows it: not listed is unknown, not zero.",
  "policy-from-practice":
    "Warning: a policy (yes or no) whose only sources are op-eds or advocacy pieces: what an operation did is a practice, not a stated rule.",
  "inferred-unexplained": "Warning: a date marked inferred, with no note saying how it was worked out.",
  "character-unprintable":
    "A character that none of the fonts bundled with the tool has (such as an emoji or a rare script), which would print as an empty box.",
  "character-invisible":
    "An invisible character that can make text read differently from what it is: a direction control (such as U+202E, which prints what follows reversed), a zero-width space, or a joiner outside a word whose script needs it.",
  "too-many-problems": "More problems follow; fix the ones shown first.",
};

/** A mistake in what the user asked for or wrote: exit code 1, a plain message, no stack trace. */
export class UserError extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UserError";
    this.problems = problems;
  }
}

/** No browser to print with: a user-fixable setup problem (exit code 1). */
export class BrowserNotFoundError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "BrowserNotFoundError";
  }
}

/** Wraps an error at a stage boundary with the file that failed, keeping the original as cause. */
export class StageError extends Error {
  readonly stage: string;
  readonly file: string;
  constructor(stage: string, file: string, cause: unknown) {
    super(`${stage} failed for ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StageError";
    this.stage = stage;
    this.file = file;
  }
}

export function formatProblem(p: Problem): string {
  const tag = p.severity === "warning" ? "warning: " : "";
  return `${p.file}:${p.line}:${p.col}: ${tag}${p.message}`;
}

/** How many other files a grouped warning names before "and N more". */
const NAMED_FILES = 3;

/**
 * Problems as lines for a person to read: a warning that several files share (same code, same
 * words) is printed once, at its first location, saying how many files have it. Errors stay one
 * line each, since each stops its own file. Tools get one entry per location instead
 * (validate --format github and json).
 */
export function formatProblemsGrouped(problems: readonly Problem[]): string[] {
  const key = (p: Problem) => `${p.code}\n${p.message}`;
  const files = new Map<string, string[]>();
  for (const p of problems) {
    if (p.severity !== "warning") continue;
    const seen = files.get(key(p)) ?? [];
    if (!seen.includes(p.file)) seen.push(p.file);
    files.set(key(p), seen);
  }
  const lines: string[] = [];
  const told = new Set<string>();
  for (const p of problems) {
    const shared = p.severity === "warning" ? (files.get(key(p)) ?? []) : [];
    if (shared.length < 2) {
      lines.push(formatProblem(p));
      continue;
    }
    // Every location in the first file that has it; the other files only by name.
    if (p.file !== shared[0]) continue;
    const first = !told.has(key(p));
    told.add(key(p));
    lines.push(first ? `${formatProblem(p)} (the same in ${shared.length} files: ${nameFiles(shared)})` : formatProblem(p));
  }
  return lines;
}

/**
 * "a.yaml and b.yaml", "a.yaml, b.yaml and c.yaml", "a.yaml, b.yaml, c.yaml and 4 more". A file in
 * the first one's folder is named without the folder, which the line already shows.
 */
function nameFiles(files: readonly string[]): string {
  const folder = files[0]!.slice(0, files[0]!.lastIndexOf("/") + 1);
  const names = files.map((f) => (folder && f.startsWith(folder) ? f.slice(folder.length) : f));
  if (names.length <= NAMED_FILES) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, NAMED_FILES).join(", ")} and ${names.length - NAMED_FILES} more`;
}
