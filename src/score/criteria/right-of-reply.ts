import { dateValue, msg } from "../../i18n/message.ts";
import type { CriterionFn } from "../types.ts";
import { cites, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * The task force used its right of reply to the draft scorecard. Not asked yet is unknown:
 * a task force is never marked down for a question nobody put to it.
 */
export const rightOfReply: CriterionFn = (tf) => {
  const reply = tf.review.reply;
  const status = reply?.status ?? "not-requested";
  const on = reply?.date ? dateValue(reply.date) : "none";
  const facts = [{ label: msg("fact.reply"), value: msg(`reply.status.${status}`), sources: cites(reply) }];
  switch (status) {
    case "received":
      return verdict("met", facts, msg("reply.met", { on }));
    case "requested":
      return verdict("partly-met", facts, msg("reply.partly-met", { on }));
    case "declined":
      return verdict("not-met", facts, msg("reply.not-met", { on }));
    default:
      return verdict("unknown", facts, msg("reply.unknown"));
  }
};
