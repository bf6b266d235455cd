import type { CriterionFn } from "../types.ts";
import { seats } from "./seats.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Survivor-led groups, sex-worker-led groups or groups of the targeted communities hold seats with a vote. */
export const affectedCommunitySeats: CriterionFn = (tf) => seats(tf);
