import type { Operation } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionFn, Fact } from "../types.ts";
import { describeOperation } from "./describe.ts";
import { policyFact, sourcesOf, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** An operation that arrested people for selling sex, as far as its facts show. */
export const arrestsPeopleSellingSex = (op: Operation): boolean =>
  op.type === "sting-selling-sex" || (isKnown(op.arrests.selling_sex) && op.arrests.selling_sex > 0);

/**
 * No operation arrests people who sell sex. A reported sting decides it; otherwise the
 * written policy does: yes is met, no is partly met (none reported, but none ruled out).
 */
export const noStingsOnPeopleSellingSex: CriterionFn = (tf) => {
  const stings = tf.operations.filter(arrestsPeopleSellingSex);
  const policy = tf.policies.non_arrest_of_people_selling_sex;
  const facts: Fact[] = stings.map((op) => ({ label: op.name, value: describeOperation(op), sources: sourcesOf(op) }));
  facts.push(policyFact("Policy not to arrest people who sell sex", policy));
  if (stings.length > 0) {
    const more = stings.length > 1 ? `, and ${stings.length - 1} more such ${stings.length === 2 ? "operation" : "operations"}` : "";
    return verdict("not-met", facts, `${describeOperation(stings[0]!)}${more}`);
  }
  if (policy.status === "yes") return verdict("met", facts, "The task force has a policy not to arrest people who sell sex, and no source reports such an arrest");
  if (policy.status === "no") return verdict("partly-met", facts, "No source reports an arrest of people who sell sex, but the task force has no policy against it");
  return verdict("unknown", facts, "No source reports whether the task force arrests people who sell sex");
};
