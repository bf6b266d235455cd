import type { Sourced } from "../../model.ts";

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The source ids cited by a set of facts, each once, in first-cited order. */
export function uniqueSources(items: readonly Sourced[]): string[] {
  return [...new Set(items.flatMap((i) => i.sources ?? []))];
}
