import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { cites, countValue, newestFirst, operationDate, operationRef, policyFact, verdict, yesNoValue } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Services are not conditional on arrest or on cooperating with police. What operations did
 * is the practice and comes first; the stated rule decides only when no operation's practice
 * is known, and with the practice it is shown beside it. One operation never becomes a policy.
 */
export const servicesNotConditional: CriterionFn = (tf) => {
  const policy = tf.policies.services_without_arrest_or_cooperation;
  const ops = newestFirst(tf, tf.operations);
  const known = ops.filter((op) => op.services_conditional_on_arrest !== "unknown");
  const conditional = known.filter((op) => op.services_conditional_on_arrest === "yes");
  const free = known.filter((op) => op.services_conditional_on_arrest === "no");
  const facts: FactFinding[] = known.map((op) => {
    const d = operationDate(tf, op);
    return {
      label: msg("fact.operation", { operation: operationRef(tf, op) }),
      value: msg("fact.services-practice", {
        referred: countValue(op.referred_to_services),
        conditional: yesNoValue(op.services_conditional_on_arrest),
      }),
      sources: cites(op),
      ...(d ? { asOf: d } : {}),
    };
  });
  facts.push(policyFact(tf, msg("policy.services_without_arrest_or_cooperation"), policy, known.length > 0));
  if (conditional.length > 0) {
    const op = conditional[0]!;
    const values = { operation: operationRef(tf, op), referred: countValue(op.referred_to_services), free: free.length };
    return verdict(free.length > 0 ? "partly-met" : "not-met", facts, msg(free.length > 0 ? "services.mixed" : "services.not-met", values));
  }
  if (free.length > 0) return verdict("met", facts, msg("services.met", { operations: free.length }));
  if (policy.status === "no") return verdict("not-met", facts, msg("services.policy-no"));
  if (policy.status === "yes") return verdict("met", facts, msg("services.policy-yes"));
  return verdict("unknown", facts, msg("services.unknown"));
};
