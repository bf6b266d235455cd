import type { Sector, TaskForce } from "../../model.ts";
import { listValue, msg } from "../../i18n/message.ts";
import type { CriterionOutcome, FactFinding } from "../types.ts";
import { bounds, cites, countValue, factDate, uniqueCites, verdict, yesNoValue } from "./util.ts";

/** The params schema of a criterion that takes a list of sectors. */
export const sectorsParam = (key: string) => ({
  type: "object",
  additionalProperties: false,
  required: [key],
  properties: { [key]: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", minLength: 1 } } },
});

type SeatField = "survivor_led_seats" | "sex_worker_led_seats" | "targeted_community_seats";

const ALL: readonly { field: SeatField; sector: Sector }[] = [
  { field: "survivor_led_seats", sector: "survivor-led" },
  { field: "sex_worker_led_seats", sector: "sex-worker-led" },
  { field: "targeted_community_seats", sector: "targeted-community" },
];

/**
 * Seats held by groups of affected people (survivors, sex workers, the targeted communities):
 * the larger of the counted seats and the named members. Met when a seat votes; partly met
 * when the seats do not vote or no source says. Not met only when every seat count is a
 * stated 0, which validation allows only from a complete list or a count: a group that an
 * incomplete list does not name is unknown, never absent.
 */
export function seats(tf: TaskForce, only?: readonly SeatField[]): CriterionOutcome {
  const FIELDS = only ? ALL.filter((f) => only.includes(f.field)) : ALL;
  const r = tf.representation;
  const asOf = factDate(tf, r.as_of, undefined, cites(r));
  // An unknown seat count cites nothing: no source speaks to it. What the cited source does say is shown beside.
  const facts: FactFinding[] = FIELDS.map((f) => ({
    label: msg(`fact.seats.${f.sector}`),
    value: countValue(r[f.field]),
    sources: r[f.field] === "unknown" ? [] : cites(r),
    ...(asOf && r[f.field] !== "unknown" ? { asOf } : {}),
  }));
  if (cites(r).length > 0 && FIELDS.every((f) => r[f.field] === "unknown")) {
    facts.push({ label: msg("fact.representation-source"), value: r.note ?? msg("fact.see-quote"), sources: cites(r), context: true });
  }
  const sectors = new Set<Sector>(FIELDS.map((f) => f.sector));
  const named = tf.membership.members.filter((m) => sectors.has(m.sector) && m.role !== "partner" && m.role !== "advisory");
  if (named.length) {
    facts.push({
      label: msg("fact.affected-members-named"),
      value: listValue(named.map((m) => msg("fact.name-votes", { name: m.name, votes: yesNoValue(m.votes) }))),
      sources: uniqueCites(named),
    });
  }
  const counted = FIELDS.reduce((s, f) => s + (bounds(r[f.field])?.lo ?? 0), 0);
  const total = Math.max(counted, named.length);
  if (total > 0) {
    const namedVote = named.some((m) => m.votes === "yes");
    const votes = namedVote || (counted > 0 && r.seats_vote === "yes");
    facts.push({
      label: msg("fact.seats-vote"),
      value: yesNoValue(votes ? "yes" : r.seats_vote),
      sources: namedVote ? uniqueCites(named.filter((m) => m.votes === "yes")) : cites(r),
    });
    if (votes) return verdict("met", facts, msg("seats.met", { seats: total }));
    return verdict(
      "partly-met",
      facts,
      msg(r.seats_vote === "no" ? "seats.partly-met-no-vote" : "seats.partly-met-vote-unknown", { seats: total }),
    );
  }
  if (FIELDS.every((f) => r[f.field] === 0)) return verdict("not-met", facts, msg("seats.not-met"));
  return verdict("unknown", facts, msg("seats.unknown"));
}
