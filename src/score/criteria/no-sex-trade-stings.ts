import type { Operation, TaskForce } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { bounds, cites, countValue, newestFirst, operationDate, operationRef, policyFact, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Arrests on prostitution charges: of people selling sex, or on prostitution or
 * solicitation charges where the source does not say who was arrested. Arrests of buyers
 * alone are the buyer-sting criterion's figure, not this one's.
 */
export const prostitutionArrests = (op: Operation) =>
  op.arrests.selling_sex !== undefined && op.arrests.selling_sex !== "unknown" ? op.arrests.selling_sex : op.arrests.selling_or_buying_sex;

const madeArrests = (op: Operation): boolean => (bounds(prostitutionArrests(op))?.lo ?? 0) > 0;
const madeNone = (op: Operation): boolean => bounds(prostitutionArrests(op))?.hi === 0;

function fact(tf: TaskForce, op: Operation, context: boolean): FactFinding {
  const d = operationDate(tf, op);
  return {
    label: msg("fact.operation", { operation: operationRef(tf, op) }),
    value: msg(
      op.arrests.selling_sex !== undefined && op.arrests.selling_sex !== "unknown"
        ? "fact.arrests-selling-sex"
        : "fact.arrests-prostitution-solicitation",
      { count: countValue(prostitutionArrests(op)) },
    ),
    sources: cites(op),
    ...(d ? { asOf: d } : {}),
    ...(context ? { context: true } : {}),
  };
}

/**
 * No sting operations on the sex trade that arrest people on prostitution charges. What
 * operations did is the practice and decides it; the stated rule is shown beside it and
 * decides only when no operation reports such arrests.
 */
export const noSexTradeStings: CriterionFn = (tf) => {
  const policy = tf.policies.non_arrest_of_people_selling_sex;
  const ops = newestFirst(tf, tf.operations);
  const arrested = ops.filter(madeArrests);
  const none = ops.filter(madeNone);
  const facts: FactFinding[] = [...arrested.map((op) => fact(tf, op, false)), ...none.map((op) => fact(tf, op, arrested.length > 0))];
  facts.push(policyFact(tf, msg("policy.non_arrest_of_people_selling_sex"), policy, arrested.length > 0));
  if (arrested.length > 0) {
    const op = arrested[0]!;
    return verdict(
      "not-met",
      facts,
      msg("stings.not-met", {
        operation: operationRef(tf, op),
        count: countValue(prostitutionArrests(op)),
        more: arrested.length - 1,
        sellers: op.arrests.selling_sex !== undefined && op.arrests.selling_sex !== "unknown" ? "yes" : "no",
      }),
    );
  }
  // No operation reports such arrests: the stated rule decides.
  if (policy.status === "yes") return verdict("met", facts, msg("stings.met", { operations: none.length }));
  if (policy.status === "no") return verdict("partly-met", facts, msg("stings.partly-met", { operations: none.length }));
  return verdict("unknown", facts, msg("stings.unknown", { operations: none.length }));
};
