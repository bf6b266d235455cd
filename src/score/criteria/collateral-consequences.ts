import type { CriterionFn } from "../types.ts";
import { mainWithModifier, sourcesOf } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Help with the collateral consequences of arrest, moved by immigration protections. */
export const collateralConsequences: CriterionFn = (tf) => {
  const help = tf.policies.collateral_consequences_support;
  const imm = tf.policies.immigration_protections;
  return mainWithModifier(
    { value: help.status, label: "Policy: help with collateral consequences", sources: sourcesOf(help), yes: "people arrested get help with record clearing, vacatur and housing", no: "people arrested get no help with record clearing, vacatur or housing" },
    { value: imm.status, label: "Policy: immigration protections", sources: sourcesOf(imm), yes: "immigrants are protected from referral to immigration enforcement", no: "immigrants are not protected from referral to immigration enforcement" },
    "No source says whether people arrested get help with the consequences of an arrest record",
  );
};
