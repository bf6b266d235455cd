import type { CriterionFn } from "../types.ts";
import { formatDate } from "./describe.ts";
import { verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * The task force used its right of reply to the draft scorecard. Not asked yet is unknown:
 * a task force is never marked down for a question nobody put to it.
 */
export const rightOfReply: CriterionFn = (tf) => {
  const reply = tf.review.reply;
  const status = reply?.status ?? "not-requested";
  const when = reply?.date ? formatDate(reply.date) : "";
  const on = when ? ` on ${when}` : "";
  const facts = [{ label: "Reply to the draft scorecard", value: status, sources: [...(reply?.sources ?? [])] }];
  switch (status) {
    case "received":
      return verdict("met", facts, `The task force replied to the draft scorecard${on}`);
    case "requested":
      return verdict("partly-met", facts, `The task force was sent the draft scorecard for reply${on}, and no reply has been received`);
    case "declined":
      return verdict("not-met", facts, `The task force declined to reply to the draft scorecard${on}`);
    default:
      return verdict("unknown", facts, "The draft scorecard has not yet been sent to the task force for its reply");
  }
};
