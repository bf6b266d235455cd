import type { Operation, TaskForce } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionFn } from "../types.ts";
import { operationLabel } from "./describe.ts";
import { mainWithModifier, sexTradeArrests, sourcesOf } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** An operation whose arrests by charge come from the task force's own publication. */
function publishedByTaskForce(tf: TaskForce, op: Operation): boolean {
  const own = new Set(tf.sources.filter((s) => s.type === "task-force").map((s) => s.id));
  const byCharge = isKnown(op.arrests.trafficking) && (sexTradeArrests(op) !== undefined || isKnown(op.arrests.buying_sex) || isKnown(op.arrests.selling_sex));
  return byCharge && sourcesOf(op).some((id) => own.has(id));
}

/**
 * The task force publishes its arrest data by charge, as a policy; without the policy, its
 * own publication of one operation's arrests by charge earns partial credit.
 */
export const dataByCharge: CriterionFn = (tf) => {
  const policy = tf.policies.publishes_data_by_charge;
  const published = tf.operations.filter((op) => publishedByTaskForce(tf, op));
  const first = published[0];
  return mainWithModifier(
    { value: policy.status, label: "Policy: publishes arrest data by charge", sources: sourcesOf(policy), yes: "the task force publishes its arrest data by charge", no: "the task force does not publish its arrest data by charge as a rule" },
    {
      value: first ? "yes" : "unknown",
      label: "Arrests by charge in the task force's own publications",
      sources: [...new Set(published.flatMap(sourcesOf))],
      yes: first ? `its own publications give arrests by charge for ${operationLabel(first)}${published.length > 1 ? ` and ${published.length - 1} more` : ""}` : "",
      no: "",
    },
    "No source says whether the task force publishes its arrest data by charge",
  );
};
