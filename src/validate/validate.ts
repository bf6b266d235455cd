import type { ValidateFunction } from "ajv";
import schema from "../../schemas/task-force.schema.json" with { type: "json" };
import type { Problem } from "../errors.ts";
import { locate, type DataPath, type Loaded } from "../load/load.ts";
import type { TaskForce } from "../model.ts";
import { bundledCoverage } from "../render/fonts-coverage.ts";
import { fontCoverageChecks } from "./font-coverage.ts";
import { formatCharacter } from "./format-characters.ts";
import { invisibleCharacterChecks } from "./invisible-characters.ts";
import { schemaMessages } from "./messages.ts";
import { compileSchema, TASK_FORCE_AJV } from "./schemas.ts";
import { checkReview, draftRefused, withDeadline } from "./review.ts";
import { semanticChecks } from "./semantic.ts";

export interface ValidateOptions {
  /** The rubric's criterion ids (or a function that gives them): a reply's about: must name one of them (or general). */
  criteria?: readonly string[] | (() => readonly string[]);
  /** Days a task force has to reply when the file gives no deadline (scorecard.config.yaml's reply_days). */
  replyDays?: number;
  /** A release build: warnings are errors, and a scorecard that is not published is refused. */
  strict?: boolean;
}

export interface Validated {
  loaded: Loaded;
  /** The task force, present only when there are no errors. */
  taskForce: TaskForce | undefined;
  problems: Problem[];
}

/** Past this many, a file is probably not a task force file at all; more lines would only bury the first. */
export const MAX_PROBLEMS_PER_FILE = 100;

// Compiled once per process (or ahead of time): compiling costs far more than validating a file.
function validator(): ValidateFunction {
  return compileSchema(TASK_FORCE_AJV, schema, "task-force");
}

/** Finds where a data path is in the file. */
export function problemAt(loaded: Loaded, path: DataPath, part: "key" | "value", rest: Omit<Problem, "file" | "line" | "col">): Problem {
  return { file: loaded.file, ...locate(loaded, path, part), ...rest };
}

/**
 * Checks loaded data against the schema and against the rules a schema cannot express.
 * Pure: `today` (YYYY-MM-DD) is passed in so that the date check is repeatable.
 */
export function validate(loaded: Loaded, today: string, options: ValidateOptions = {}): Validated {
  if (loaded.problems.length > 0) return { loaded, taskForce: undefined, problems: sortProblems(loaded.problems) };
  const check = validator();
  const problems: Problem[] = [];
  if (!check(loaded.data)) {
    // Locating costs a walk per error; beyond a few hundred, the rest would be cut anyway.
    for (const m of schemaMessages((check.errors ?? []).slice(0, 5 * MAX_PROBLEMS_PER_FILE), loaded.data)) {
      problems.push(problemAt(loaded, m.path, m.part, { code: m.code, message: m.message, severity: "error" }));
    }
  }
  // Rules beyond the schema run on whatever parts are well-formed, so every problem shows at once.
  problems.push(...semanticChecks(loaded, today));
  problems.push(...invisibleCharacterChecks(loaded));
  // Invisible controls that no font has (U+FFF9) are explained by the check above.
  problems.push(...fontCoverageChecks(loaded, bundledCoverage(), { reportedElsewhere: (cp) => formatCharacter(cp) !== undefined }));
  problems.push(...checkReview(loaded, { today, criteria: options.criteria, replyDays: options.replyDays }));
  // A release build: every warning is an error, and only a published scorecard passes.
  const sorted = cap(sortProblems(options.strict ? [...strict(problems), ...draftRefused(loaded)] : problems));
  const hasErrors = sorted.some((p) => p.severity === "error");
  return { loaded, taskForce: hasErrors ? undefined : withDeadline(normalize(loaded.data), options.replyDays), problems: sorted };
}

/** --strict: warnings count as errors, as they must before a scorecard is published. */
export function strict(problems: readonly Problem[]): Problem[] {
  return problems.map((p) =>
    p.severity === "warning"
      ? { ...p, severity: "error" as const, message: `${p.message} (--strict treats this warning as an error.)` }
      : p,
  );
}

/** A checked file under --strict: any warning makes it invalid. */
export function strictly(v: Validated): Validated {
  const problems = strict(v.problems);
  return { ...v, problems, taskForce: problems.some((p) => p.severity === "error") ? undefined : v.taskForce };
}

/**
 * Valid data in the one shape the later stages read: every citation becomes
 * { source, quote?, page?, section? }, whether the file wrote a bare id or a section.
 * A copy: the loaded document is left as it was.
 */
export function normalize(data: unknown): TaskForce {
  const copy = structuredClone(data) as Record<string, unknown>;
  const visit = (node: unknown, top: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const rec = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(rec)) {
      if (key === "sources" && !top && Array.isArray(value))
        rec[key] = value.map((c: unknown) => (typeof c === "string" ? { source: c } : c));
      else visit(value, false);
    }
  };
  visit(copy, true);
  return copy as unknown as TaskForce;
}

function cap(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  const next = problems[MAX_PROBLEMS_PER_FILE]!;
  kept.push({
    ...next,
    code: "too-many-problems",
    severity: "error",
    message: `and ${problems.length - MAX_PROBLEMS_PER_FILE} more problems from here on. Fix the ones above and run validate again.`,
  });
  return kept;
}

export function sortProblems(problems: Problem[]): Problem[] {
  // By code unit, not localeCompare: the order only needs to be stable, and the first
  // localeCompare of a process costs more (setting up ICU's collator) than checking a file.
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...problems].sort((a, b) => byText(a.file, b.file) || a.line - b.line || a.col - b.col || byText(a.message, b.message));
}
