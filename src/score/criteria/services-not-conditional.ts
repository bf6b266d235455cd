import type { CriterionFn } from "../types.ts";
import { isKnown } from "../../model.ts";
import { operationLabel } from "./describe.ts";

/** Services are not conditional on arrest or on cooperating with police. */
export const servicesNotConditional: CriterionFn = (tf) => {
  const policy = tf.policies.services_without_arrest_or_cooperation;
  const conditional = tf.operations.filter((op) => op.services_conditional_on_arrest === "yes");
  const facts = tf.operations
    .filter((op) => op.services_conditional_on_arrest !== "unknown" || isKnown(op.referred_to_services))
    .map((op) => ({
      label: op.name,
      value: `${isKnown(op.referred_to_services) ? `${op.referred_to_services} referred to services` : "referrals unknown"}; services conditional on arrest: ${op.services_conditional_on_arrest}`,
      sources: op.sources ?? [],
    }));
  facts.push({ label: "Policy: services without arrest or police cooperation", value: policy.status, sources: policy.sources ?? [] });
  if (conditional.length > 0) {
    const op = conditional[0]!;
    const arrested = isKnown(op.arrests.total) ? ` of ${op.arrests.total} arrested` : "";
    const referred = isKnown(op.referred_to_services) ? `${op.referred_to_services} people${arrested} were referred to services` : "People were referred to services";
    return { status: "not-met", fraction: 0, facts, reason: `${referred} only after arrest and booking, in ${operationLabel(op)}.` };
  }
  if (policy.status === "no") return { status: "not-met", fraction: 0, facts, reason: "Services depend on arrest or on cooperating with police." };
  if (policy.status === "yes") return { status: "met", fraction: 1, facts, reason: "Services are offered without arrest and without requiring cooperation with police." };
  return { status: "unknown", fraction: null, facts, reason: "No source says whether services depend on arrest or on cooperating with police." };
};
