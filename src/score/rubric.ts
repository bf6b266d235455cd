import { parse } from "yaml";
import type { Rubric } from "./types.ts";

/** Parses the rubric text. Pure; the caller reads the file. */
export function parseRubric(text: string): Rubric {
  const rubric = parse(text) as Rubric;
  if (!rubric || !Array.isArray(rubric.criteria) || typeof rubric.version !== "string") {
    throw new Error("the rubric file has no version or no criteria");
  }
  return rubric;
}
