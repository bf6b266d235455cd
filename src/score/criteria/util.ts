import type { Operation, Policy, Sourced, YesNo } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionOutcome, Fact, Status } from "../types.ts";

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The source ids cited by a set of facts, each once, in first-cited order. */
export function uniqueSources(items: readonly Sourced[]): string[] {
  return [...new Set(items.flatMap((i) => i.sources ?? []))];
}

export const sourcesOf = (item: Sourced | undefined): string[] => [...(item?.sources ?? [])];

/** "1 arrest", "33 arrests". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const show = (value: number | string | undefined): string => (value === undefined ? "unknown" : String(value));

export const verdict = (status: Status, facts: Fact[], reason: string): CriterionOutcome => ({ status, facts, reason: sentence(reason) });

/** Capital first letter and a closing full stop, so every reason reads as one sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const cap = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

export const policyFact = (label: string, policy: Policy): Fact => ({ label, value: policy.status, sources: sourcesOf(policy) });

/** Reads a number param the rubric schema has already checked. */
export const num = (params: Readonly<Record<string, unknown>>, key: string): number => params[key] as number;

/** Sex-trade arrests (selling or buying sex), when the source gives them. */
export function sexTradeArrests(op: Operation): number | undefined {
  const a = op.arrests;
  if (isKnown(a.selling_or_buying_sex)) return a.selling_or_buying_sex;
  if (isKnown(a.selling_sex) && isKnown(a.buying_sex)) return a.selling_sex + a.buying_sex;
  return undefined;
}

export interface PolicyPart {
  value: YesNo;
  label: string;
  sources: string[];
  /** What the value means, as part of a sentence. */
  yes: string;
  no: string;
}

/**
 * A criterion judged on one main fact, moved by a second one:
 * main yes → met (partly met if the second is no); main no → not met (partly met if
 * the second is yes); main unknown → unknown. An unknown second fact changes nothing.
 */
export function mainWithModifier(main: PolicyPart, modifier: PolicyPart, unknownReason: string): CriterionOutcome {
  const facts: Fact[] = [
    { label: main.label, value: main.value, sources: main.sources },
    { label: modifier.label, value: modifier.value, sources: modifier.sources },
  ];
  if (main.value === "unknown") return verdict("unknown", facts, unknownReason);
  const mainText = main.value === "yes" ? main.yes : main.no;
  const modText = modifier.value === "yes" ? modifier.yes : modifier.value === "no" ? modifier.no : "";
  if (main.value === "yes") {
    if (modifier.value === "no") return verdict("partly-met", facts, `${mainText}, but ${modText}`);
    return verdict("met", facts, modText ? `${mainText}, and ${modText}` : mainText);
  }
  if (modifier.value === "yes") return verdict("partly-met", facts, `${mainText}, but ${modText}`);
  return verdict("not-met", facts, modText ? `${mainText}, and ${modText}` : mainText);
}

/** "yes" if any is yes, "no" if all known are no and one is, else "unknown". */
export function anyYes(values: readonly YesNo[]): YesNo {
  if (values.includes("yes")) return "yes";
  if (values.includes("no")) return "no";
  return "unknown";
}
