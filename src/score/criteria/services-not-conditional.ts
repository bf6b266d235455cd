import { isKnown } from "../../model.ts";
import type { CriterionFn, Fact } from "../types.ts";
import { operationLabel } from "./describe.ts";
import { plural, policyFact, sourcesOf, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Services are not conditional on arrest or on cooperating with police. Reported practice
 * comes first: every known operation conditional is not met, a mix is partly met. With
 * practice unconditional, a policy of "no" lowers it to partly met.
 */
export const servicesNotConditional: CriterionFn = (tf) => {
  const policy = tf.policies.services_without_arrest_or_cooperation;
  const known = tf.operations.filter((op) => op.services_conditional_on_arrest !== "unknown");
  const conditional = known.filter((op) => op.services_conditional_on_arrest === "yes");
  const free = known.filter((op) => op.services_conditional_on_arrest === "no");
  const facts: Fact[] = known.map((op) => ({
    label: op.name,
    value: `${isKnown(op.referred_to_services) ? `${op.referred_to_services} referred to services` : "referrals unknown"}; services only after arrest: ${op.services_conditional_on_arrest}`,
    sources: sourcesOf(op),
  }));
  facts.push(policyFact("Policy: services without arrest or police cooperation", policy));
  if (conditional.length > 0) {
    const op = conditional[0]!;
    const of = isKnown(op.arrests.total) ? ` of the ${op.arrests.total} arrested` : "";
    const referred = isKnown(op.referred_to_services) ? `${op.referred_to_services}${of} ${op.referred_to_services === 1 ? "was" : "were"} referred to services` : "people were referred to services";
    const text = `in ${operationLabel(op)}, ${referred} only after arrest and booking`;
    if (free.length > 0) return verdict("partly-met", facts, `${text}; in ${plural(free.length, "other operation")}, services did not depend on arrest`);
    return verdict("not-met", facts, text);
  }
  if (free.length > 0) {
    const text = `in ${plural(free.length, "reported operation")}, services did not depend on arrest`;
    if (policy.status === "no") return verdict("partly-met", facts, `${text}, but the task force has no policy that keeps it so`);
    return verdict("met", facts, text);
  }
  if (policy.status === "no") return verdict("not-met", facts, "Services depend on arrest or on cooperating with police");
  if (policy.status === "yes") return verdict("met", facts, "Services are offered without arrest and without requiring cooperation with police");
  return verdict("unknown", facts, "No source says whether services depend on arrest or on cooperating with police");
};
