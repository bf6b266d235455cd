import schema from "../../schemas/rubric.schema.json" with { type: "json" };
import { formatProblem, UserError, type Problem } from "../errors.ts";
import { load, locate, type DataPath } from "../load/load.ts";
import { closest, schemaMessages } from "../validate/messages.ts";
import { compileSchema, RUBRIC_AJV } from "../validate/schemas.ts";
import { criteria } from "./criteria/index.ts";
import { retired } from "./criteria/retired.ts";
import type { Rubric, RubricCriterion } from "./types.ts";

export interface RubricCheck {
  /** The rubric, present only when there are no problems. */
  rubric: Rubric | undefined;
  problems: Problem[];
}

export interface RubricOptions {
  /**
   * An earlier edition, read from history or the base of a diff: fields added since (each
   * criterion's recommendation) may be missing, and get defaults instead of an error.
   */
  earlier?: boolean;
}

/** Fields that rubrics written before them lack; an earlier edition may leave them out. */
const LATER_FIELDS = new Set(["recommendation"]);

/** Checks a rubric file's text against schemas/rubric.schema.json and the criteria the tool knows. Pure. */
export function checkRubric(file: string, text: string, options: RubricOptions = {}): RubricCheck {
  const loaded = load(file, text);
  if (loaded.problems.length > 0) return { rubric: undefined, problems: sort(loaded.problems.map(forRubric)) };
  const at = (path: DataPath, part: "key" | "value", message: string, code: Problem["code"] = "schema-other"): Problem => ({
    file,
    ...locate(loaded, path, part),
    code,
    severity: "error",
    message,
  });
  const rubricValidator = compileSchema(RUBRIC_AJV, schema, "rubric");
  const problems: Problem[] = [];
  if (!rubricValidator(loaded.data)) {
    const errors = (rubricValidator.errors ?? []).filter(
      (e) =>
        !(
          options.earlier &&
          e.keyword === "required" &&
          LATER_FIELDS.has(String((e.params as { missingProperty?: unknown }).missingProperty))
        ),
    );
    problems.push(...schemaMessages(errors, loaded.data).map((m) => at(m.path, m.part, m.message, m.code)));
  }
  // The rules beyond the schema run on whatever is well-formed, so every problem shows at once.
  problems.push(...semantic(wellFormed(loaded.data), at));
  return { rubric: problems.length ? undefined : withDefaults(loaded.data as RubricAsWritten), problems: sort(problems) };
}

/** A rubric as its file has it, once checked: an earlier edition may lack the fields added since. */
type RubricAsWritten = Omit<Rubric, "criteria" | "grading"> & {
  criteria: (Omit<RubricCriterion, "recommendation"> & Partial<Pick<RubricCriterion, "recommendation">>)[];
  grading: Omit<Rubric["grading"], "stale_after_years" | "evidence"> & Partial<Pick<Rubric["grading"], "stale_after_years" | "evidence">>;
};

/** Rubrics before 2026.2 have no stale_after_years or evidence text, and earlier ones no recommendations: they get the defaults. */
function withDefaults(r: RubricAsWritten): Rubric {
  const g = r.grading;
  const criteria = r.criteria.map((c) => ({ ...c, recommendation: c.recommendation ?? "" }));
  return { ...r, criteria, grading: { ...g, stale_after_years: g.stale_after_years ?? 5, evidence: g.evidence ?? "" } };
}

/** The loader speaks of task force files; say "rubric" instead. */
function forRubric(p: Problem): Problem {
  if (p.code === "yaml-empty")
    return { ...p, message: "this rubric file is empty. Start again from the rubric/rubric.yaml that comes with the tool." };
  return {
    ...p,
    message: p.message
      .replace(/a task force file/g, "a rubric file")
      .replace(/Describe one task force per file/g, "Keep one rubric per file"),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Only the parts of possibly broken data that the semantic checks can read safely. */
function wellFormed(data: unknown): Rubric {
  const d = isObj(data) ? data : {};
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const grading = isObj(d.grading) ? d.grading : {};
  return {
    categories: list(d.categories)
      .filter(isObj)
      .filter((c) => typeof c.id === "string"),
    grading: {
      grades: list(grading.grades)
        .filter(isObj)
        .filter((g) => typeof g.min_percent === "number"),
    },
    criteria: list(d.criteria).map((c) => (isObj(c) ? c : {})),
  } as unknown as Rubric;
}

type At = (path: DataPath, part: "key" | "value", message: string, code?: Problem["code"]) => Problem;

/** The rules a schema cannot say: known and unique ids, valid params, ordered grades. */
function semantic(rubric: Rubric, at: At): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(criteria);
  const categories = rubric.categories.map((c) => c.id);
  const seen = new Set<string>();
  rubric.criteria.forEach((c, i) => {
    const path = ["criteria", i];
    if (typeof c.id !== "string") return;
    if (seen.has(c.id)) problems.push(at([...path, "id"], "value", `the criterion '${c.id}' is listed twice. Keep one of them.`));
    seen.add(c.id);
    if (typeof c.category === "string" && categories.length > 0 && !categories.includes(c.category)) {
      problems.push(
        at(
          [...path, "category"],
          "value",
          `category must be one of the ids under categories: ${categories.join(", ")} (not '${c.category}').`,
          "schema-enum",
        ),
      );
    }
    const criterion = criteria[c.id] ?? retired[c.id];
    if (!criterion) {
      const guess = closest(c.id, known);
      problems.push(
        at(
          [...path, "id"],
          "value",
          `the tool has no criterion called '${c.id}'.${guess ? ` Did you mean '${guess}'?` : ""} The criteria it knows are: ${known.join(", ")}.`,
          "schema-enum",
        ),
      );
      return;
    }
    if (!isObj(c.params)) return;
    const check = compileSchema(RUBRIC_AJV, criterion.params, `params:${c.id}`);
    if (!check(c.params)) {
      for (const m of schemaMessages(check.errors ?? [], c.params))
        problems.push(at([...path, "params", ...m.path], m.part, m.message, m.code));
    }
    const p = c.params;
    const ordered = (met: string, partly: string, ok: (a: number, b: number) => boolean, words: string) => {
      if (typeof p[met] === "number" && typeof p[partly] === "number" && !ok(p[met], p[partly])) {
        problems.push(
          at(
            [...path, "params", partly],
            "value",
            `${partly} (${p[partly]}) must be ${words} ${met} (${p[met]}), or partly met could never happen.`,
          ),
        );
      }
    };
    ordered("met_at_most", "partly_met_at_most", (a, b) => b >= a, "at least");
    ordered("met_at_least", "partly_met_at_least", (a, b) => b <= a, "at most");
  });
  const grades = rubric.grading.grades;
  grades.forEach((g, i) => {
    const prev = grades[i - 1];
    if (prev && g.min_percent >= prev.min_percent) {
      problems.push(
        at(
          ["grading", "grades", i, "min_percent"],
          "value",
          `grades must go from the highest min_percent to the lowest: ${g.grade} (${g.min_percent}) comes after ${prev.grade} (${prev.min_percent}).`,
        ),
      );
    }
  });
  const last = grades[grades.length - 1];
  if (last && last.min_percent !== 0) {
    problems.push(
      at(
        ["grading", "grades", grades.length - 1, "min_percent"],
        "value",
        `the last grade (${last.grade}) must have min_percent: 0, so that every score gets a letter.`,
      ),
    );
  }
  return problems;
}

const sort = (problems: Problem[]): Problem[] =>
  [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));

/**
 * Parses and checks the rubric text. Pure; the caller reads the file. Problems in the
 * rubric are the user's to fix: they are thrown as one UserError listing each as file:line:col.
 */
export function parseRubric(text: string, file = "rubric/rubric.yaml", options: RubricOptions = {}): Rubric {
  const { rubric, problems } = checkRubric(file, text, options);
  if (!rubric) {
    throw new UserError(
      `the rubric file has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}. Fix ${problems.length === 1 ? "it" : "them"} and run again:\n${problems.map(formatProblem).join("\n")}`,
      problems,
    );
  }
  return rubric;
}
