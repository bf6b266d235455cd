import type { Operation, TaskForce } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { CriterionFn } from "../types.ts";
import { bounds, cites, mainWithModifier, operationRef } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** An operation whose arrests by charge come from the task force's own publication. */
function publishedByTaskForce(tf: TaskForce, op: Operation): boolean {
  const own = new Set(tf.sources.filter((s) => s.type === "task-force").map((s) => s.id));
  const a = op.arrests;
  const byCharge =
    bounds(a.trafficking) !== undefined && [a.selling_sex, a.buying_sex, a.selling_or_buying_sex].some((c) => bounds(c) !== undefined);
  return byCharge && cites(op).some((c) => own.has(c.source));
}

/**
 * The task force publishes its arrest data by charge, as a stated rule; without the rule,
 * its own publication of one operation's arrests by charge moves it a step.
 */
export const dataByCharge: CriterionFn = (tf) => {
  const published = tf.operations.filter((op) => publishedByTaskForce(tf, op));
  const first = published[0];
  return mainWithModifier(
    tf,
    {
      policy: tf.policies.publishes_data_by_charge,
      label: msg("policy.publishes_data_by_charge"),
      yes: msg("data-by-charge.yes"),
      no: msg("data-by-charge.no"),
    },
    {
      value: first ? "yes" : "unknown",
      fact: {
        label: msg("fact.own-publications-by-charge"),
        value: first
          ? msg("fact.own-publications-value", { operation: operationRef(tf, first), more: published.length - 1 })
          : msg("value.unknown"),
        sources: published.flatMap(cites),
      },
      yes: first ? msg("data-by-charge.own", { operation: operationRef(tf, first), more: published.length - 1 }) : msg("value.unknown"),
      no: msg("value.unknown"),
    },
    msg("data-by-charge.unknown"),
  );
};
