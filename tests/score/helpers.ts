import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { check } from "../../src/pipeline.ts";
import type { TaskForce } from "../../src/model.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { fixture, readFixture } from "../helpers.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const RUBRIC_TEXT = readFileSync(join(ROOT, "rubric", "rubric.yaml"), "utf8");
export const rubric = () => parseRubric(RUBRIC_TEXT);
export const LA_FILE = join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml");

/** Sections merge; lists and plain values are replaced. */
export function merge(base: unknown, patch: unknown): unknown {
  if (patch && typeof patch === "object" && !Array.isArray(patch) && base && typeof base === "object" && !Array.isArray(base)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
    return out;
  }
  return patch;
}

/** A task force file's text checked by the real loader and validator; throws if it is not valid. */
export function valid(file: string, text: string): TaskForce {
  const v = check(file, text, "2026-12-01");
  const errors = v.problems.filter((p) => p.severity === "error");
  if (!v.taskForce || errors.length)
    throw new Error(`${file} is not a valid task force:\n${errors.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n")}`);
  return v.taskForce;
}

export const blankText = () => readFixture("score", "blank.yaml");
export const blank = () => valid(fixture("score", "blank.yaml"), blankText());

/** blank.yaml with a patch merged in, written back to YAML and validated like a user's file. */
export function patched(patch: unknown): TaskForce {
  const data = merge(parse(blankText()), patch);
  return valid("patched.yaml", JSON.stringify(data));
}

export type CaseStatus = "met" | "partly-met" | "not-met" | "unknown";
export type Cases = Record<string, Record<CaseStatus, { finding: string; reason: string; patch: unknown; skip?: string }>>;
export const cases = (): Cases => parse(readFixture("score", "cases.yaml")) as Cases;
