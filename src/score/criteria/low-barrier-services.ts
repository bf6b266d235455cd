import type { CriterionFn } from "../types.ts";
import { mainWithModifier, sourcesOf } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Low-barrier services (no ID, sobriety or immigration-status requirement), moved by whether they need arrest or police cooperation. */
export const lowBarrierServices: CriterionFn = (tf) => {
  const low = tf.policies.low_barrier_services;
  const free = tf.policies.services_without_arrest_or_cooperation;
  return mainWithModifier(
    { value: low.status, label: "Policy: low-barrier services", sources: sourcesOf(low), yes: "services ask for no ID, sobriety or immigration status", no: "services ask for ID, sobriety or immigration status" },
    { value: free.status, label: "Policy: services without arrest or police cooperation", sources: sourcesOf(free), yes: "they do not depend on arrest or police cooperation", no: "they depend on arrest or police cooperation" },
    "No source says whether the task force's services ask for ID, sobriety or immigration status",
  );
};
