import type { Operation } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionFn, Fact } from "../types.ts";
import { operationLabel } from "./describe.ts";
import { num, plural, sourcesOf, verdict } from "./util.ts";

export const params = {
  type: "object",
  additionalProperties: false,
  required: ["met_at_most", "partly_met_at_most"],
  properties: {
    met_at_most: { type: "number", exclusiveMinimum: 0 },
    partly_met_at_most: { type: "number", exclusiveMinimum: 0 },
  },
};

type Counted = Operation & { officers_deployed: number; arrests: { trafficking: number } };

const describe = (op: Counted) =>
  `${plural(op.officers_deployed, "officer")} ${op.officers_deployed === 1 ? "was" : "were"} deployed and ${plural(op.arrests.trafficking, "trafficking arrest")} made in ${operationLabel(op)}`;

/** Officers deployed per trafficking arrest, pooled over operations that give both numbers. */
export const officersPerTraffickingArrest: CriterionFn = (tf, p) => {
  const ops = tf.operations.filter((op): op is Counted => isKnown(op.officers_deployed) && isKnown(op.arrests.trafficking));
  const facts: Fact[] = ops.map((op) => ({ label: op.name, value: describe(op), sources: sourcesOf(op) }));
  if (ops.length === 0) return verdict("unknown", facts, "No source gives both the officers deployed and the trafficking arrests of an operation");
  const officers = ops.reduce((s, op) => s + op.officers_deployed, 0);
  const arrests = ops.reduce((s, op) => s + op.arrests.trafficking, 0);
  const listed = ops.map(describe).join("; ");
  const pooled = ops.length > 1 ? `: ${plural(officers, "officer")} and ${plural(arrests, "trafficking arrest")} in all` : "";
  if (arrests === 0) return verdict("not-met", facts, `${listed}${pooled}`);
  const perArrest = Math.round((officers / arrests) * 10) / 10;
  const reason = `${listed}${pooled}: ${perArrest} ${perArrest === 1 ? "officer" : "officers"} per trafficking arrest`;
  if (perArrest <= num(p, "met_at_most")) return verdict("met", facts, reason);
  if (perArrest <= num(p, "partly_met_at_most")) return verdict("partly-met", facts, reason);
  return verdict("not-met", facts, reason);
};
