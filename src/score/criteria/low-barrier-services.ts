import { msg } from "../../i18n/message.ts";
import type { CriterionFn } from "../types.ts";
import { policyOnly } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Low-barrier services: no ID, sobriety or immigration-status requirement, as a stated rule. */
export const lowBarrierServices: CriterionFn = (tf) =>
  policyOnly(
    tf,
    {
      policy: tf.policies.low_barrier_services,
      label: msg("policy.low_barrier_services"),
      yes: msg("low-barrier.yes"),
      no: msg("low-barrier.no"),
    },
    msg("low-barrier.unknown"),
  );
