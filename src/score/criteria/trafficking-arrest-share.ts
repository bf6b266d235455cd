import type { Operation } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionFn, Fact } from "../types.ts";
import { operationLabel } from "./describe.ts";
import { num, percent, sexTradeArrests, sourcesOf, verdict } from "./util.ts";

export const params = {
  type: "object",
  additionalProperties: false,
  required: ["met_at_least", "partly_met_at_least"],
  properties: {
    met_at_least: { type: "number", minimum: 0, maximum: 1 },
    partly_met_at_least: { type: "number", minimum: 0, maximum: 1 },
  },
};

/** "0 of 33 arrests were for trafficking and 33 for prostitution or solicitation" */
function compare(op: Operation & { arrests: { total: number; trafficking: number } }): string {
  const a = op.arrests;
  const sex = sexTradeArrests(op);
  const other = sex !== undefined ? ` and ${sex} for prostitution or solicitation` : isKnown(a.buying_sex) ? `, and ${a.buying_sex} were arrests of sex buyers` : "";
  return `${a.trafficking} of ${a.total} ${a.total === 1 ? "arrest was" : "arrests were"} for trafficking${other}`;
}

/**
 * Trafficking arrests compared with all arrests, pooled over every reported operation that
 * gives both numbers. Prostitution and solicitation arrests are quoted beside them.
 */
export const traffickingArrestShare: CriterionFn = (tf, p) => {
  const ops = tf.operations.filter(
    (op): op is Operation & { arrests: { total: number; trafficking: number } } => isKnown(op.arrests.total) && op.arrests.total > 0 && isKnown(op.arrests.trafficking),
  );
  const facts: Fact[] = ops.map((op) => ({ label: op.name, value: compare(op), sources: sourcesOf(op) }));
  if (ops.length === 0) return verdict("unknown", facts, "No source gives both the number of arrests and the number for trafficking");
  const trafficking = ops.reduce((s, op) => s + op.arrests.trafficking, 0);
  const total = ops.reduce((s, op) => s + op.arrests.total, 0);
  const share = trafficking / total;
  const parts = ops.map((op) => `in ${operationLabel(op)}, ${compare(op)}`);
  const pooled = ops.length > 1 ? `: ${trafficking} of ${total} in all (${percent(share)})` : ` (${percent(share)})`;
  const reason = `${parts.join("; ")}${pooled}`;
  const status = share >= num(p, "met_at_least") ? "met" : share >= num(p, "partly_met_at_least") ? "partly-met" : "not-met";
  return verdict(status, facts, reason);
};
