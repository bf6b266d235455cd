import type { Count, Operation, TaskForce } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding, Status } from "../types.ts";
import {
  betweenParam,
  betweenSchema,
  bounds,
  cites,
  countValue,
  judgeRange,
  newestFirst,
  num,
  operationDate,
  operationRef,
  verdict,
  type Bounds,
} from "./util.ts";

export const params = {
  type: "object",
  additionalProperties: false,
  required: ["met_at_least", "partly_met_at_least"],
  properties: {
    met_at_least: { type: "number", minimum: 0, maximum: 1 },
    partly_met_at_least: { type: "number", minimum: 0, maximum: 1 },
    between: betweenSchema,
  },
};

/** Charges other than trafficking, whose stated arrests leave less room for trafficking arrests. */
const OTHER_CHARGES = ["selling_sex", "buying_sex", "selling_or_buying_sex", "other"] as const;

interface Period {
  op: Operation;
  /** The figure used: arrests on trafficking charges, or, where the source gives only those, "trafficking-related" ones. */
  kind: "trafficking" | "trafficking_related";
  figure: Count;
  trafficking: Bounds;
  total: Bounds;
}

/** One operation's arrests as bounds, or undefined when it does not give the trafficking figure at all. */
function periodOf(op: Operation): Period | undefined {
  const a = op.arrests;
  const kind = bounds(a.trafficking) ? "trafficking" : bounds(a.trafficking_related) ? "trafficking_related" : undefined;
  if (!kind) return undefined;
  const figure = a[kind]!;
  const t = bounds(figure)!;
  const others = OTHER_CHARGES.reduce((s, k) => s + (bounds(a[k])?.lo ?? 0), 0);
  const stated = bounds(a.total);
  const total: Bounds = stated ? { lo: Math.max(stated.lo, others + t.lo), hi: stated.hi } : { lo: others + t.lo, hi: Infinity };
  if (total.hi === 0) return undefined;
  const trafficking: Bounds = { lo: t.lo, hi: Math.min(t.hi, total.hi - others) };
  return { op, kind, figure, trafficking, total };
}

/**
 * The share of arrests that were for trafficking, for one reported operation or period at a
 * time: never pooled across periods. The most recent period whose figures decide the status
 * is scored; the others are shown. Where the source gives only "trafficking-related"
 * arrests (its word), those are used, and said to be.
 */
export const traffickingArrestShare: CriterionFn = (tf, p) => {
  const grade = (s: number): Exclude<Status, "unknown"> =>
    s >= num(p, "met_at_least") ? "met" : s >= num(p, "partly_met_at_least") ? "partly-met" : "not-met";
  const periods = newestFirst(tf, tf.operations).map((op) => ({ op, period: periodOf(op) }));
  const statusOf = (per: Period | undefined): Status => {
    if (!per) return "unknown";
    const worst = per.total.hi === Infinity ? 0 : per.trafficking.lo / per.total.hi;
    const best = per.trafficking.hi === Infinity ? 1 : Math.min(1, per.trafficking.hi / Math.max(per.total.lo, 1));
    return judgeRange(grade(worst), grade(best), betweenParam(p));
  };
  const decided = periods.find((x) => statusOf(x.period) !== "unknown");
  const facts: FactFinding[] = periods
    .filter((x) => x.period !== undefined || x.op.arrests.total !== "unknown")
    .map(({ op, period }) => fact(tf, op, period, decided?.op !== op));
  if (!decided) {
    const any = periods.some((x) => x.period);
    return verdict("unknown", facts, any ? msg("trafficking-share.undecided") : msg("trafficking-share.no-data"));
  }
  const per = decided.period!;
  const exact = per.trafficking.lo === per.trafficking.hi && per.total.lo === per.total.hi;
  const values = {
    operation: operationRef(tf, per.op),
    count: countValue(per.figure),
    total: countValue(per.op.arrests.total),
    related: per.kind === "trafficking_related" ? "yes" : "no",
  };
  const reason = exact
    ? msg("trafficking-share.exact", { ...values, share: per.trafficking.lo / per.total.lo })
    : msg("trafficking-share.range", values);
  return verdict(statusOf(per), facts, reason);
};

function fact(tf: TaskForce, op: Operation, per: Period | undefined, context: boolean): FactFinding {
  const a = op.arrests;
  const d = operationDate(tf, op);
  return {
    label: msg("fact.operation", { operation: operationRef(tf, op) }),
    value: msg("fact.arrests-by-charge", {
      total: countValue(a.total),
      trafficking: countValue(a.trafficking),
      related: a.trafficking_related === undefined ? "none" : countValue(a.trafficking_related),
      prostitution: countValue(a.selling_or_buying_sex ?? a.selling_sex),
      buyers: a.buying_sex === undefined ? "none" : countValue(a.buying_sex),
      usable: per ? "yes" : "no",
    }),
    sources: cites(op),
    ...(d ? { asOf: d } : {}),
    ...(context ? { context: true } : {}),
  };
}
