// Criteria of earlier rubric editions, kept so that an old rubric (in git history, or in a
// diff against an earlier commit) can still be scored with today's code. No current rubric
// uses them. Rubric 2026.2 replaced them: survivor-led-seats joined affected-community-seats,
// no-stings-on-people-selling-sex became no-sex-trade-stings, and officers-per-trafficking-arrest
// was dropped, since its trafficking figure is the trafficking-arrest-share criterion's.
import type { Operation } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { Criterion, CriterionFn, FactFinding } from "../types.ts";
import { bounds, cites, countValue, newestFirst, num, operationDate, operationRef, verdict } from "./util.ts";
import { seats } from "./seats.ts";
import { noSexTradeStings } from "./no-sex-trade-stings.ts";

const noParams = { type: "object", additionalProperties: false, properties: {} };

/** Officers deployed per trafficking arrest, for the most recent operation that gives both. */
const officersPerTraffickingArrest: CriterionFn = (tf, p) => {
  const usable = (op: Operation) => bounds(op.officers_deployed) !== undefined && typeof op.arrests.trafficking === "number";
  const ops = newestFirst(tf, tf.operations).filter(usable);
  const facts: FactFinding[] = ops.map((op, i) => {
    const d = operationDate(tf, op);
    return {
      label: msg("fact.operation", { operation: operationRef(tf, op) }),
      value: msg("retired.officers-value", { officers: countValue(op.officers_deployed), trafficking: countValue(op.arrests.trafficking) }),
      sources: cites(op),
      ...(d ? { asOf: d } : {}),
      ...(i > 0 ? { context: true } : {}),
    };
  });
  const op = ops[0];
  if (!op) return verdict("unknown", facts, msg("retired.officers-unknown"));
  const officers = bounds(op.officers_deployed)!;
  const arrests = op.arrests.trafficking as number;
  const values = { operation: operationRef(tf, op), officers: countValue(op.officers_deployed), trafficking: arrests };
  if (arrests === 0) return verdict("not-met", facts, msg("retired.officers-none", values));
  const worst = officers.hi / arrests;
  const best = officers.lo / arrests;
  const grade = (x: number) => (x <= num(p, "met_at_most") ? "met" : x <= num(p, "partly_met_at_most") ? "partly-met" : "not-met");
  const status = grade(worst) === grade(best) ? grade(worst) : "unknown";
  return verdict(status, facts, msg("retired.officers", { ...values, per: Math.round((best + worst) * 5) / 10 }));
};

export const retired: Readonly<Record<string, Criterion>> = {
  "survivor-led-seats": { score: (tf) => seats(tf, ["survivor_led_seats"]), params: noParams },
  "no-stings-on-people-selling-sex": { score: noSexTradeStings, params: noParams },
  "officers-per-trafficking-arrest": {
    score: officersPerTraffickingArrest,
    params: {
      type: "object",
      additionalProperties: false,
      required: ["met_at_most", "partly_met_at_most"],
      properties: { met_at_most: { type: "number", exclusiveMinimum: 0 }, partly_met_at_most: { type: "number", exclusiveMinimum: 0 } },
    },
  },
};
