import { dateValue, msg } from "../../i18n/message.ts";
import { replyDeadline } from "../../model.ts";
import type { Cite } from "../../model.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * The task force used its right of reply to the draft scorecard. Not asked yet is unknown:
 * a task force is never marked down for a question nobody put to it. Asked and silent past
 * the deadline is not met; validation has checked the states and dates, so a published
 * scorecard with no reply is one whose deadline has passed.
 */
export const rightOfReply: CriterionFn = (tf) => {
  const review = tf.review;
  const replies = review.replies ?? [];
  const deadline = replyDeadline(review);
  const seen = new Set<string>();
  const letters: Cite[] = replies.flatMap((r) => r.sources).filter((c) => !seen.has(c.source) && (seen.add(c.source), true));
  const facts: FactFinding[] = [
    { label: msg("fact.reply-requested"), value: review.requested ? dateValue(review.requested) : msg("reply.not-yet"), sources: [] },
    ...(deadline ? [{ label: msg("fact.reply-due"), value: dateValue(deadline), sources: [] }] : []),
    { label: msg("fact.replies"), value: replies.length, sources: letters },
  ];
  if (replies.length > 0) {
    const first = replies.map((r) => r.date).sort()[0]!;
    return verdict("met", facts, msg("reply.met", { on: dateValue(first), count: replies.length }));
  }
  if (!review.requested) return verdict("unknown", facts, msg("reply.unknown"));
  const on = dateValue(review.requested);
  const due = deadline ? dateValue(deadline) : msg("reply.not-yet");
  if (review.status === "no-reply" || review.status === "published") return verdict("not-met", facts, msg("reply.not-met", { on, due }));
  return verdict("partly-met", facts, msg("reply.partly-met", { on, due }));
};
