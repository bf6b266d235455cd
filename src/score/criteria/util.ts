import type { Cite, Count, DateBasis, Operation, Policy, Sourced, TaskForce, YesNo } from "../../model.ts";
import { isKnown } from "../../model.ts";
import { dateValue, listValue, msg, type Msg, type Value } from "../../i18n/message.ts";
import type { CriterionOutcome, FactDate, FactFinding, Status } from "../types.ts";

export const cites = (item: Sourced | undefined): Cite[] => [...(item?.sources ?? [])];

/** The citations of several items, each once, in first-cited order. */
export function uniqueCites(items: readonly Sourced[]): Cite[] {
  const seen = new Set<string>();
  const out: Cite[] = [];
  for (const c of items.flatMap((i) => i.sources ?? [])) {
    const key = `${c.source}\u0000${c.quote ?? ""}\u0000${c.page ?? ""}\u0000${c.section ?? ""}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

export const verdict = (status: Status, facts: FactFinding[], reason: Msg): CriterionOutcome => ({ status, facts, reason });

/** Reads a number param the rubric schema has already checked. */
export const num = (params: Readonly<Record<string, unknown>>, key: string): number => params[key] as number;

// ---------------------------------------------------------------- figures

/** What a figure allows: its lowest and highest possible values. */
export interface Bounds {
  lo: number;
  hi: number;
}

/** Share of an approximate figure ("roughly 70") either side of it that the bounds allow. */
export const APPROXIMATE_MARGIN = 0.1;

/**
 * The bounds a figure allows: a stated number is exact; an approximation allows 10% either
 * side; none reported allows anything from 0 up; unknown gives no bounds at all.
 */
export function bounds(c: Count | undefined): Bounds | undefined {
  if (c === undefined || c === "unknown") return undefined;
  if (c === "none-reported") return { lo: 0, hi: Infinity };
  if (typeof c === "number") return { lo: c, hi: c };
  return { lo: Math.floor(c.approximately * (1 - APPROXIMATE_MARGIN)), hi: Math.ceil(c.approximately * (1 + APPROXIMATE_MARGIN)) };
}

/** A figure in words: 33, the source's "roughly 70", "none reported" or "unknown" (never 0 for either). */
export function countValue(c: Count | undefined): Value {
  if (typeof c === "number") return c;
  if (c === undefined || c === "unknown") return msg("value.unknown");
  if (c === "none-reported") return msg("value.none-reported");
  return msg("value.approximate", { words: c.words });
}

export const yesNoValue = (v: YesNo | undefined): Msg => msg(`value.${v ?? "unknown"}`);

const RANK: Record<Exclude<Status, "unknown">, number> = { "not-met": 0, "partly-met": 1, met: 2 };

/**
 * Judges what a range of readings allows: met only if even the worst case meets the
 * threshold, not met only if even the best case fails it; in between, what the rubric says.
 */
export function judgeRange(worst: Exclude<Status, "unknown">, best: Exclude<Status, "unknown">, between: "unknown" | "partly-met"): Status {
  if (worst === best) return worst;
  if (RANK[worst] > RANK[best]) return judgeRange(best, worst, between);
  return between;
}

/** The rubric's rule for a range that spans more than one status. */
export const betweenParam = (params: Readonly<Record<string, unknown>>): "unknown" | "partly-met" =>
  params.between === "partly-met" ? "partly-met" : "unknown";

export const betweenSchema = { enum: ["unknown", "partly-met"] };

/** A share as a whole percentage, for messages: {share, number, percent}. */
export const share = (n: number, d: number): number => (d > 0 ? n / d : 0);

// ---------------------------------------------------------------- dates

/**
 * The publication date of the cited sources, with its basis. Sources of different dates
 * give only what they share ("2015" for 30 September and 19 November 2015), or the newest
 * year when they share nothing.
 */
function published(tf: TaskForce, cs: readonly Cite[]): { date: string; basis: DateBasis } | undefined {
  const found = cs
    .map((c) => tf.sources.find((x) => x.id === c.source))
    .filter((s) => s !== undefined && isKnown(s.date) && /^\d{4}/.test(s.date));
  if (found.length === 0) return undefined;
  const dates = [...new Set(found.map((s) => s!.date))].sort();
  const basis: DateBasis = found.some((s) => s!.date_basis === "inferred")
    ? "inferred"
    : found.some((s) => s!.date_basis === "year-inferred")
      ? "year-inferred"
      : "stated";
  if (dates.length === 1) return { date: dates[0]!, basis };
  const [a, b] = [dates[0]!, dates[dates.length - 1]!];
  const common = a.slice(0, 7) === b.slice(0, 7) ? a.slice(0, 7) : a.slice(0, 4) === b.slice(0, 4) ? a.slice(0, 4) : b.slice(0, 4);
  return { date: common, basis };
}

/** When a fact held: its own date if the data gives one, else the publication date of its newest source. */
export function factDate(tf: TaskForce, date: string | undefined, basis: DateBasis | undefined, cs: readonly Cite[]): FactDate | undefined {
  if (date && /^\d{4}/.test(date)) return { date, basis: basis ?? "stated", published: false };
  const p = published(tf, cs);
  return p ? { ...p, published: true } : undefined;
}

export const operationDate = (tf: TaskForce, op: Operation): FactDate | undefined => factDate(tf, op.date, op.date_basis, cites(op));
export const policyDate = (tf: TaskForce, p: Policy): FactDate | undefined => factDate(tf, p.as_of, undefined, cites(p));

/** A date in words, saying when it is inferred or only the date of a report. */
export function dateMsg(d: FactDate): Msg {
  const kind = d.published ? `published-${d.basis}` : d.basis;
  return msg(`date.${kind}`, { date: dateValue(d.date) });
}

/** Sort key: the latest day a date can mean, so "2016" sorts after "2016-11-16". */
export const latest = (d: FactDate | undefined): string =>
  d ? (d.date.length === 4 ? `${d.date}-12-31` : d.date.length === 7 ? `${d.date}-31` : d.date) : "";

/** "the Lynwood and Compton operation of 21 August 2018 (year inferred)", or its name and period. */
export function operationRef(tf: TaskForce, op: Operation): Msg {
  const when = isKnown(op.date) && /^\d{4}/.test(op.date) ? dateMsg(operationDate(tf, op)!) : undefined;
  const places = op.places?.length ? listValue(op.places) : undefined;
  if (places && when) return msg("operation.places-date", { places, date: when });
  if (places && op.period) return msg("operation.places-period", { places, period: op.period });
  if (places) return msg("operation.places", { places });
  if (when) return msg("operation.name-date", { name: op.name, date: when });
  if (op.period) return msg("operation.name-period", { name: op.name, period: op.period });
  return msg("operation.name", { name: op.name });
}

/** Operations, newest first (by the latest day their date can mean). */
export function newestFirst(tf: TaskForce, ops: readonly Operation[]): Operation[] {
  return [...ops].sort((a, b) => latest(operationDate(tf, b)).localeCompare(latest(operationDate(tf, a))));
}

// ---------------------------------------------------------------- policies

export interface PolicyPart {
  policy: Policy;
  /** Message ids (and values) for what yes and no mean. */
  label: Msg;
  yes: Msg;
  no: Msg;
}

export const policyFact = (tf: TaskForce, label: Msg, policy: Policy, context = false): FactFinding => ({
  label,
  value: yesNoValue(policy.status),
  sources: cites(policy),
  ...(policy.status !== "unknown" ? { asOf: policyDate(tf, policy) } : {}),
  ...(context ? { context: true } : {}),
});

/**
 * A criterion judged on one stated rule, moved by a second, different fact:
 * main yes → met (partly met if the second is no); main no → not met (partly met if the
 * second is yes); main unknown → unknown. An unknown second fact changes nothing.
 */
export function mainWithModifier(
  tf: TaskForce,
  main: PolicyPart,
  modifier: { value: YesNo; fact: FactFinding; yes: Msg; no: Msg },
  unknownReason: Msg,
): CriterionOutcome {
  const facts: FactFinding[] = [policyFact(tf, main.label, main.policy), modifier.fact];
  const m = main.policy.status;
  if (m === "unknown") return verdict("unknown", facts, unknownReason);
  const mainText = m === "yes" ? main.yes : main.no;
  const mod = modifier.value;
  if (mod === "unknown") return verdict(m === "yes" ? "met" : "not-met", facts, mainText);
  const modText = mod === "yes" ? modifier.yes : modifier.no;
  if (m === "yes")
    return verdict(
      mod === "no" ? "partly-met" : "met",
      facts,
      msg(mod === "no" ? "join.but" : "join.and", { first: mainText, second: modText }),
    );
  return verdict(
    mod === "yes" ? "partly-met" : "not-met",
    facts,
    msg(mod === "yes" ? "join.but" : "join.and", { first: mainText, second: modText }),
  );
}

/** A criterion judged on one stated rule alone. */
export function policyOnly(tf: TaskForce, main: PolicyPart, unknownReason: Msg): CriterionOutcome {
  const facts = [policyFact(tf, main.label, main.policy)];
  const s = main.policy.status;
  if (s === "unknown") return verdict("unknown", facts, unknownReason);
  return verdict(s === "yes" ? "met" : "not-met", facts, s === "yes" ? main.yes : main.no);
}

/** "yes" if any is yes, "no" if all known are no and one is, else "unknown". */
export function anyYes(values: readonly YesNo[]): YesNo {
  if (values.includes("yes")) return "yes";
  if (values.includes("no")) return "no";
  return "unknown";
}
