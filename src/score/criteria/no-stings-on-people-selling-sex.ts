import type { CriterionFn } from "../types.ts";
import { isKnown } from "../../model.ts";
import { describeOperation } from "./describe.ts";

/** No operation arrests people who sell sex. */
export const noStingsOnPeopleSellingSex: CriterionFn = (tf) => {
  const stings = tf.operations.filter(
    (op) =>
      op.type === "sting-selling-sex" ||
      (isKnown(op.arrests.selling_sex) && op.arrests.selling_sex > 0),
  );
  const policy = tf.policies.non_arrest_of_people_selling_sex;
  const facts = stings.map((op) => ({ label: op.name, value: describeOperation(op), sources: op.sources ?? [] }));
  facts.push({ label: "Written policy not to arrest people who sell sex", value: policy.status, sources: policy.sources ?? [] });
  if (stings.length > 0) {
    return { status: "not-met", fraction: 0, facts, reason: `${describeOperation(stings[0]!)}${stings.length > 1 ? `, and ${stings.length - 1} more such operation(s)` : ""}.` };
  }
  if (policy.status === "yes") return { status: "met", fraction: 1, facts, reason: "The task force has a written policy not to arrest people who sell sex, and no source reports such an arrest." };
  if (policy.status === "no") return { status: "not-met", fraction: 0, facts, reason: "The task force has no policy against arresting people who sell sex." };
  return { status: "unknown", fraction: null, facts, reason: "No source reports whether the task force arrests people who sell sex." };
};
