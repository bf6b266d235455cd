import type { CriterionFn } from "../types.ts";
import { mainWithModifier, sourcesOf } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Condoms are never used as evidence, moved by whether people who sell sex are arrested at all. */
export const noCondomsAsEvidence: CriterionFn = (tf) => {
  const condoms = tf.policies.no_condoms_as_evidence;
  const arrest = tf.policies.non_arrest_of_people_selling_sex;
  return mainWithModifier(
    { value: condoms.status, label: "Policy: condoms are never used as evidence", sources: sourcesOf(condoms), yes: "the task force never uses condoms as evidence", no: "the task force may use condoms as evidence" },
    { value: arrest.status, label: "Policy not to arrest people who sell sex", sources: sourcesOf(arrest), yes: "it does not arrest people who sell sex", no: "it may arrest people who sell sex" },
    "No source says whether the task force uses condoms as evidence",
  );
};
