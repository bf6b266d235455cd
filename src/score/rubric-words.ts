// The rubric's words in another language: rubric/rubric.<lang>.yaml gives, per criterion, the
// same text fields as rubric/rubric.yaml (title, question, why, scoring, ...). Weights, params
// and citations stay in rubric.yaml and are never translated. Pure: the caller reads the file.
import { parse } from "yaml";
import type { Rubric, RubricCriterion } from "./types.ts";

export interface RubricWords {
  rubric: Rubric;
  /** What the translation lacks or gets wrong, in plain words; the English is used for those parts. */
  warnings: string[];
}

const CRITERION_TEXT = ["title", "question", "why", "partial_credit", "unknown_data", "recommendation", "hearing_question"] as const;
const GRADING_TEXT = ["unknown", "rounding", "ties", "evidence"] as const;
const SCORING = ["met", "partly_met", "not_met"] as const;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * The rubric with its words in the translation's language. A part the translation leaves out
 * keeps its English words, and the warnings say which; a translation of another rubric version
 * is used, with a warning that its words may not match the rules.
 */
export function translateRubric(rubric: Rubric, file: string, yamlText: string): RubricWords {
  const warnings: string[] = [];
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    return {
      rubric,
      warnings: [
        `${file}: this is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)}), so the rubric's English words are used`,
      ],
    };
  }
  const t = isObj(raw) ? raw : {};
  // The version as written: 2026.2 without quotes reads as a number. A list or a section is no version.
  const version =
    typeof t.version === "string" || typeof t.version === "number" || typeof t.version === "boolean" ? String(t.version) : undefined;
  if ((version ?? "") !== rubric.version) {
    warnings.push(
      `${file} translates rubric version '${version ?? "none"}', but rubric/rubric.yaml is version '${rubric.version}': check its words against the English, then set version: "${rubric.version}"`,
    );
  }
  const missing: string[] = [];
  const pick = (v: unknown, fallback: string, where: string): string => {
    const s = text(v);
    if (s === undefined && fallback.trim() !== "") missing.push(where);
    return s ?? fallback;
  };
  const cats = isObj(t.categories) ? t.categories : {};
  const grading = isObj(t.grading) ? t.grading : {};
  const criteria = isObj(t.criteria) ? t.criteria : {};
  const out: Rubric = {
    ...rubric,
    title: pick(t.title, rubric.title, "title"),
    summary: pick(t.summary, rubric.summary, "summary"),
    categories: rubric.categories.map((c) => ({ ...c, title: pick(cats[c.id], c.title, `categories.${c.id}`) })),
    grading: {
      ...rubric.grading,
      ...Object.fromEntries(GRADING_TEXT.map((k) => [k, pick(grading[k], rubric.grading[k], `grading.${k}`)])),
    },
    criteria: rubric.criteria.map((c): RubricCriterion => {
      const w = isObj(criteria[c.id]) ? (criteria[c.id] as Record<string, unknown>) : {};
      const s = isObj(w.scoring) ? w.scoring : {};
      const words: Partial<RubricCriterion> = {};
      for (const k of CRITERION_TEXT) {
        const english = c[k];
        if (english !== undefined) words[k] = pick(w[k], english, `criteria.${c.id}.${k}`);
      }
      return {
        ...c,
        ...words,
        scoring: Object.fromEntries(
          SCORING.map((k) => [k, pick(s[k], c.scoring[k], `criteria.${c.id}.scoring.${k}`)]),
        ) as RubricCriterion["scoring"],
      };
    }),
  };
  if (missing.length)
    warnings.push(
      `${file} has no words for ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}, so those are printed in English`,
    );
  return { rubric: out, warnings };
}
