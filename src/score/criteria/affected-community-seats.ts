import type { CriterionFn } from "../types.ts";
import { isKnown } from "../../model.ts";

/** Voting seats for sex-worker-led or targeted-community groups. */
export const affectedCommunitySeats: CriterionFn = (tf) => {
  const r = tf.representation;
  const sources = r.sources ?? [];
  const sw = r.sex_worker_led_seats;
  const tc = r.targeted_community_seats;
  const facts = [
    { label: "Seats for sex-worker-led groups", value: String(sw), sources },
    { label: "Seats for groups representing targeted communities", value: String(tc), sources },
    { label: "Those seats vote", value: r.seats_vote, sources },
  ];
  const seats = (isKnown(sw) ? sw : 0) + (isKnown(tc) ? tc : 0);
  if (seats > 0) {
    const reason = `${seats} seat(s) for sex-worker-led or targeted-community groups; ${r.seats_vote === "yes" ? "they vote" : r.seats_vote === "no" ? "they do not vote" : "whether they vote is unknown"}.`;
    if (r.seats_vote === "yes") return { status: "met", fraction: 1, facts, reason };
    return { status: "partly-met", fraction: 0.5, facts, reason };
  }
  if (isKnown(sw) && isKnown(tc)) {
    return { status: "not-met", fraction: 0, facts, reason: "No sex-worker-led group and no group representing the targeted communities has a seat." };
  }
  return { status: "unknown", fraction: null, facts, reason: "No source says whether sex-worker-led or targeted-community groups have seats." };
};
