// The method a score was worked out with: the rubric's version, each criterion's weight and
// definition, and the grading rules. Two scores compare only when their methods are the same;
// when they differ, this names what changed, so that a change in method is never read as a
// change in what the task force did. Pure.
import { load } from "../load/load.ts";
import { criteria as knownCriteria } from "../score/criteria/index.ts";
import { retired as retiredCriteria } from "../score/criteria/retired.ts";
import { checkRubric } from "../score/rubric.ts";
import type { Rubric } from "../score/types.ts";

export interface MethodCriterion {
  id: string;
  title: string;
  weight: number;
  /** The question, thresholds and scoring rules, as one string: equal strings, same definition. */
  definition: string;
}

export interface Method {
  version: string;
  criteria: MethodCriterion[];
  /** Grade boundaries, minimum coverage and the share partly met earns, as one string. */
  grading: string;
}

export interface MethodChange {
  before: string;
  after: string;
  /** "Balanced membership: weight 8 → 10", "Survivors have a vote: definition changed", "New criterion: …". */
  criteria: string[];
  /** The titles of the criteria whose definition or weight changed, added or removed. */
  titles: string[];
  gradingChanged: boolean;
}

/** JSON with sorted keys, so that key order in the YAML does not count as a change. */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const rec = value as Record<string, unknown>;
    return `{${Object.keys(rec)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(rec[k])}`)
      .join(",")}}`;
  }
  // A field left out counts as null; JSON.stringify would give undefined for it, whatever its type says.
  if (value === undefined) return "null";
  return JSON.stringify(value);
}

export function methodOf(rubric: Rubric): Method {
  const g = rubric.grading;
  return {
    version: rubric.version,
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      weight: c.weight,
      definition: stable({ question: c.question, params: c.params, scoring: c.scoring, category: c.category }),
    })),
    grading: stable({ min_coverage: g.min_coverage, grades: g.grades, partly_met_share: g.partly_met_share }),
  };
}

export function sameMethod(a: Method, b: Method): boolean {
  return a.version === b.version && stable(a) === stable(b);
}

/** What differs between two methods; undefined when they are the same. */
export function methodChange(a: Method, b: Method): MethodChange | undefined {
  if (sameMethod(a, b)) return undefined;
  const before = new Map(a.criteria.map((c) => [c.id, c]));
  const after = new Map(b.criteria.map((c) => [c.id, c]));
  const lines: string[] = [];
  const titles: string[] = [];
  for (const [id, y] of after) {
    const x = before.get(id);
    if (!x) {
      lines.push(`${y.title}: new criterion`);
      titles.push(y.title);
    } else if (x.weight !== y.weight || x.definition !== y.definition) {
      const parts = [
        x.weight !== y.weight ? `weight ${x.weight} → ${y.weight}` : "",
        x.definition !== y.definition ? "definition changed" : "",
      ].filter(Boolean);
      lines.push(`${y.title}: ${parts.join(", ")}`);
      titles.push(y.title);
    }
  }
  for (const [id, x] of before) {
    if (!after.has(id)) {
      lines.push(`${x.title}: no longer in the rubric`);
      titles.push(x.title);
    }
  }
  return { before: a.version, after: b.version, criteria: lines, titles, gradingChanged: a.grading !== b.grading };
}

/** "Balanced membership (weight 8 → 10) and Survivors have a vote (definition changed)", for a sentence. */
export function describeMethodChange(change: MethodChange): string {
  const parts = change.criteria.map((line) => {
    const at = line.lastIndexOf(": ");
    return `${line.slice(0, at)} (${line.slice(at + 2)})`;
  });
  if (change.gradingChanged) parts.push("the grading rules");
  if (parts.length === 0) return "no criterion's definition or weight";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export interface RubricAtCommit {
  /** The rubric, when today's tool can score with it. */
  rubric: Rubric | undefined;
  /** The version it names, even when it cannot be used. */
  version: string | undefined;
  /** Why it cannot be used, in plain words. */
  problem: string | undefined;
  /** Criteria it names that today's tool has no code for. */
  unknownCriteria: string[];
  /** Criteria it names that today's rubric has retired: the tool still scores them, with code kept for old versions. */
  retired: string[];
}

/**
 * Reads a rubric from an old commit with today's tool. It may name criteria whose code no
 * longer exists, or give thresholds today's code no longer takes: then it says which.
 */
export function readOldRubric(text: string, file = "rubric/rubric.yaml"): RubricAtCommit {
  const data = load(file, text).data;
  const rec = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const version = typeof rec.version === "string" || typeof rec.version === "number" ? String(rec.version) : undefined;
  const ids = (Array.isArray(rec.criteria) ? rec.criteria : [])
    .map((c) => (c && typeof c === "object" ? (c as Record<string, unknown>).id : undefined))
    .filter((id): id is string => typeof id === "string");
  const unknownCriteria = ids.filter((id) => !Object.hasOwn(knownCriteria, id) && !Object.hasOwn(retiredCriteria, id));
  const retired = ids.filter((id) => !Object.hasOwn(knownCriteria, id) && Object.hasOwn(retiredCriteria, id));
  const checked = checkRubric(file, text);
  if (checked.rubric) return { rubric: checked.rubric, version: checked.rubric.version, problem: undefined, unknownCriteria: [], retired };
  const problem = unknownCriteria.length
    ? `its rubric (version ${version ?? "unknown"}) names criteria that this version of the tool no longer has: ${unknownCriteria.join(", ")}`
    : `its rubric (version ${version ?? "unknown"}) does not pass this version of the tool's checks (${checked.problems[0]?.message ?? "it cannot be read"})`;
  return { rubric: undefined, version, problem, unknownCriteria, retired };
}
