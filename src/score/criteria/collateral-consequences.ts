import { msg } from "../../i18n/message.ts";
import type { CriterionFn } from "../types.ts";
import { mainWithModifier, policyFact } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Help with the collateral consequences of arrest, moved by immigration protections. */
export const collateralConsequences: CriterionFn = (tf) => {
  const imm = tf.policies.immigration_protections;
  return mainWithModifier(
    tf,
    {
      policy: tf.policies.collateral_consequences_support,
      label: msg("policy.collateral_consequences_support"),
      yes: msg("collateral.yes"),
      no: msg("collateral.no"),
    },
    {
      value: imm.status,
      fact: policyFact(tf, msg("policy.immigration_protections"), imm),
      yes: msg("collateral.immigration-yes"),
      no: msg("collateral.immigration-no"),
    },
    msg("collateral.unknown"),
  );
};
