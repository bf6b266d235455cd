import type { Sector, TaskForce } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionOutcome, Fact } from "../types.ts";
import { plural, uniqueSources, verdict } from "./util.ts";

/** The params schema of a criterion that takes a list of sectors. */
export const sectorsParam = (key: string) => ({
  type: "object",
  additionalProperties: false,
  required: [key],
  properties: { [key]: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", minLength: 1 } } },
});

type SeatField = "survivor_led_seats" | "sex_worker_led_seats" | "targeted_community_seats";

/**
 * Seats held by groups from given sectors: the larger of the counted seats and the named
 * members. Met when they vote; partly met when they hold seats whose vote is no or unknown.
 */
export function seats(tf: TaskForce, fields: readonly { field: SeatField; label: string }[], sectors: readonly Sector[], who: string): CriterionOutcome {
  const r = tf.representation;
  const facts: Fact[] = fields.map((f) => ({ label: f.label, value: String(r[f.field]), sources: r.sources ?? [] }));
  const named = tf.membership.members.filter((m) => sectors.includes(m.sector) && (m.role === "lead" || m.role === "voting-member" || m.votes === "yes"));
  if (named.length) facts.push({ label: `Named members that are ${who}`, value: named.map((m) => `${m.name} (votes: ${m.votes})`).join("; "), sources: uniqueSources(named) });
  const counted = fields.reduce((s, f) => s + (isKnown(r[f.field]) ? (r[f.field] as number) : 0), 0);
  const total = Math.max(counted, named.length);
  if (total > 0) {
    const votes = named.some((m) => m.votes === "yes") || (counted > 0 && r.seats_vote === "yes");
    facts.push({ label: "Those seats vote", value: votes ? "yes" : r.seats_vote, sources: votes && named.some((m) => m.votes === "yes") ? uniqueSources(named) : (r.sources ?? []) });
    if (votes) return verdict("met", facts, `${who} hold ${plural(total, "seat")}, with a vote`);
    const voteText = r.seats_vote === "no" ? "but the seats do not vote" : "but no source says whether the seats vote";
    return verdict("partly-met", facts, `${who} hold ${plural(total, "seat")}, ${voteText}`);
  }
  if (fields.every((f) => isKnown(r[f.field]))) return verdict("not-met", facts, `${who} hold no seat on the task force`);
  return verdict("unknown", facts, `No source says whether ${who} hold seats on the task force`);
}
