import type { CriterionFn } from "../types.ts";
import { anyYes, mainWithModifier, sourcesOf } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** A body that includes the affected communities oversees the task force; open meetings or minutes earn partial credit. */
export const communityOversight: CriterionFn = (tf) => {
  const policy = tf.policies.community_oversight;
  const r = tf.representation;
  const open = anyYes([r.meetings_public, r.minutes_public]);
  const openText = r.meetings_public === "yes" && r.minutes_public === "yes" ? "its meetings are public and their minutes published" : r.meetings_public === "yes" ? "its meetings are public" : "its meeting minutes are published";
  return mainWithModifier(
    { value: policy.status, label: "Community oversight body", sources: sourcesOf(policy), yes: "a body that includes the affected communities oversees the task force", no: "no body that includes the affected communities oversees the task force" },
    {
      value: open === "no" && (r.meetings_public === "unknown" || r.minutes_public === "unknown") ? "unknown" : open,
      label: "Meetings public; minutes published",
      sources: sourcesOf(r),
      yes: openText,
      no: "its meetings are closed and their minutes unpublished",
    },
    "No source says whether a body that includes the affected communities oversees the task force",
  );
};
