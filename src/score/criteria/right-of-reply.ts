import { replyDeadline } from "../../model.ts";
import type { CriterionFn, Fact } from "../types.ts";
import { formatDate } from "./describe.ts";
import { plural, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * The task force used its right of reply to the draft scorecard. Not asked yet is unknown:
 * a task force is never marked down for a question nobody put to it. Asked and silent past
 * the deadline is not met; the states and dates were checked by validation, so a
 * published scorecard with no reply is one whose deadline has passed.
 */
export const rightOfReply: CriterionFn = (tf) => {
  const review = tf.review;
  const replies = review.replies ?? [];
  const requested = review.requested ? formatDate(review.requested) : "";
  const deadline = formatDate(replyDeadline(review) ?? "");
  const facts: Fact[] = [
    { label: "Draft sent to the task force for its reply", value: requested || "not yet", sources: [] },
    ...(deadline ? [{ label: "Reply due by", value: deadline, sources: [] }] : []),
    { label: "Replies from the task force", value: String(replies.length), sources: [...new Set(replies.flatMap((r) => r.sources))] },
  ];
  if (replies.length > 0) {
    const first = [...replies].map((r) => r.date).sort()[0]!;
    const count = replies.length > 1 ? `, in ${plural(replies.length, "reply", "replies")} printed beside the criteria they answer` : "";
    return verdict("met", facts, `The task force replied to the draft scorecard on ${formatDate(first) || first}${count}`);
  }
  if (!requested) return verdict("unknown", facts, "The draft scorecard has not yet been sent to the task force for its reply");
  const due = deadline ? `; its reply is due by ${deadline}` : "";
  if (review.status === "no-reply" || review.status === "published") {
    return verdict("not-met", facts, `The task force was sent the draft scorecard for reply on ${requested} and gave no reply by the deadline${deadline ? `, ${deadline}` : ""}`);
  }
  return verdict("partly-met", facts, `The task force was sent the draft scorecard for reply on ${requested}, and no reply has been received yet${due}`);
};
