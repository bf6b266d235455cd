import { msg } from "../../i18n/message.ts";
import type { CriterionFn } from "../types.ts";
import { anyYes, cites, factDate, mainWithModifier, yesNoValue } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** A body that includes the affected communities oversees the task force; open meetings or minutes move it a step. */
export const communityOversight: CriterionFn = (tf) => {
  const r = tf.representation;
  const open = anyYes([r.meetings_public, r.minutes_public]);
  const value = open === "no" && (r.meetings_public === "unknown" || r.minutes_public === "unknown") ? "unknown" : open;
  const d = factDate(tf, r.as_of, undefined, cites(r));
  return mainWithModifier(
    tf,
    {
      policy: tf.policies.community_oversight,
      label: msg("policy.community_oversight"),
      yes: msg("oversight.yes"),
      no: msg("oversight.no"),
    },
    {
      value,
      fact: {
        label: msg("fact.meetings-minutes"),
        value: msg("fact.meetings-minutes-value", { meetings: yesNoValue(r.meetings_public), minutes: yesNoValue(r.minutes_public) }),
        sources: r.meetings_public === "unknown" && r.minutes_public === "unknown" ? [] : cites(r),
        ...(d && value !== "unknown" ? { asOf: d } : {}),
      },
      yes: msg("oversight.open", { meetings: r.meetings_public, minutes: r.minutes_public }),
      no: msg("oversight.closed"),
    },
    msg("oversight.unknown"),
  );
};
