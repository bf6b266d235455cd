import type { YesNo } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { bounds, cites, mainWithModifier, operationDate, operationRef } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Victims are not punished for crimes they were compelled to commit: the stated rule, moved
 * by whether reported operations arrested minors (a figure no other criterion uses).
 */
export const nonPunishmentOfVictims: CriterionFn = (tf) => {
  const withMinors = tf.operations.filter((op) => bounds(op.minors?.arrested) !== undefined);
  const arrested = withMinors.filter((op) => (bounds(op.minors?.arrested)?.lo ?? 0) > 0);
  const none = withMinors.filter((op) => bounds(op.minors?.arrested)?.hi === 0);
  const practice: YesNo = arrested.length > 0 ? "no" : none.length > 0 && none.length === tf.operations.length ? "yes" : "unknown";
  const shown = arrested.length > 0 ? arrested : none;
  const first = shown[0];
  const d = first ? operationDate(tf, first) : undefined;
  const fact: FactFinding = {
    label: msg("fact.minors-arrested"),
    value: first
      ? msg("fact.minors-arrested-value", {
          operation: operationRef(tf, first),
          arrested: arrested.length,
          none: none.length,
          all: tf.operations.length,
        })
      : msg("value.unknown"),
    sources: shown.flatMap(cites),
    ...(d ? { asOf: d } : {}),
  };
  return mainWithModifier(
    tf,
    {
      policy: tf.policies.non_punishment_of_victims,
      label: msg("policy.non_punishment_of_victims"),
      yes: msg("non-punishment.yes"),
      no: msg("non-punishment.no"),
    },
    {
      value: practice,
      fact,
      yes: msg("non-punishment.no-minors", { operations: none.length }),
      no: msg("non-punishment.minors", { operations: arrested.length }),
    },
    msg("non-punishment.unknown"),
  );
};
