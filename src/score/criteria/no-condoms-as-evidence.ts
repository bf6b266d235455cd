import { msg } from "../../i18n/message.ts";
import type { CriterionFn } from "../types.ts";
import { policyOnly } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Condoms are never used as evidence, as a stated rule. */
export const noCondomsAsEvidence: CriterionFn = (tf) =>
  policyOnly(
    tf,
    {
      policy: tf.policies.no_condoms_as_evidence,
      label: msg("policy.no_condoms_as_evidence"),
      yes: msg("condoms.yes"),
      no: msg("condoms.no"),
    },
    msg("condoms.unknown"),
  );
