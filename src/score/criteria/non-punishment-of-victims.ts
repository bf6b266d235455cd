import { isKnown } from "../../model.ts";
import type { CriterionFn } from "../types.ts";
import { arrestsPeopleSellingSex } from "./no-stings-on-people-selling-sex.ts";
import { mainWithModifier, plural, sourcesOf } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Victims are not punished for crimes they were compelled to commit. Operations that arrest
 * people selling sex, or arrest minors, "may result in the arrest of victims" and lower it.
 */
export const nonPunishmentOfVictims: CriterionFn = (tf) => {
  const policy = tf.policies.non_punishment_of_victims;
  const risky = tf.operations.filter((op) => arrestsPeopleSellingSex(op) || (isKnown(op.minors?.arrested) && (op.minors?.arrested as number) > 0));
  const careful = tf.operations.filter((op) => !arrestsPeopleSellingSex(op) && op.arrests.selling_sex === 0 && (op.minors?.arrested === 0 || op.minors?.arrested === undefined));
  const practice = risky.length > 0 ? "no" : careful.length > 0 && careful.length === tf.operations.length ? "yes" : "unknown";
  const sources = [...new Set((risky.length > 0 ? risky : careful).flatMap(sourcesOf))];
  return mainWithModifier(
    { value: policy.status, label: "Policy: victims are not punished", sources: sourcesOf(policy), yes: "the task force has a policy not to punish victims for crimes they were compelled to commit", no: "the task force has no policy against punishing victims for crimes they were compelled to commit" },
    {
      value: practice,
      label: "Reported operations avoid arresting people who sell sex and minors",
      sources,
      yes: `none of its ${plural(careful.length, "reported operation")} arrested people for selling sex or arrested minors`,
      no: `${plural(risky.length, "reported operation")} arrested people who sell sex or minors, who may be victims`,
    },
    "No source says whether the task force has a policy not to punish victims",
  );
};
