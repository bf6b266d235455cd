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
  "modeline-missing",
  "too-many-problems",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

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
