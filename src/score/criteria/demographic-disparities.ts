import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { anyYes, cites, operationDate, operationRef, verdict, yesNoValue } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Two halves: the task force discloses the demographics of the places and people its
 * operations target, and no source reports a racial or ethnic disparity. Each known good
 * half earns half; an unknown half earns nothing and decides nothing.
 */
export const demographicDisparities: CriterionFn = (tf) => {
  const ops = tf.operations.filter((op) => op.demographics);
  const disclosed = anyYes(ops.map((op) => op.demographics?.disclosed_by_task_force ?? "unknown"));
  const disparity = anyYes(ops.map((op) => op.demographics?.disparity_reported ?? "unknown"));
  const facts: FactFinding[] = ops.map((op) => {
    const d = op.demographics!;
    const when = operationDate(tf, op);
    return {
      label: msg("fact.operation", { operation: operationRef(tf, op) }),
      value: msg("fact.demographics", {
        places: d.places && d.places !== "unknown" ? d.places : "none",
        people: d.people_arrested && d.people_arrested !== "unknown" ? d.people_arrested : "none",
        disclosed: yesNoValue(d.disclosed_by_task_force),
        disparity: yesNoValue(d.disparity_reported),
      }),
      sources: cites(op),
      ...(when ? { asOf: when } : {}),
    };
  });
  if (disclosed === "unknown" && disparity === "unknown") return verdict("unknown", facts, msg("demographics.unknown"));
  const good = (disclosed === "yes" ? 1 : 0) + (disparity === "no" ? 1 : 0);
  const reason = msg("demographics.reason", { disclosed, disparity });
  return verdict(good === 2 ? "met" : good === 1 ? "partly-met" : "not-met", facts, reason);
};
