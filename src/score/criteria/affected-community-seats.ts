import type { CriterionFn } from "../types.ts";
import { seats } from "./seats.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Sex-worker-led groups, or groups representing the targeted communities, are voting members. */
export const affectedCommunitySeats: CriterionFn = (tf) =>
  seats(
    tf,
    [
      { field: "sex_worker_led_seats", label: "Seats for sex-worker-led groups" },
      { field: "targeted_community_seats", label: "Seats for groups representing the targeted communities" },
    ],
    ["sex-worker-led", "targeted-community"],
    "sex-worker-led groups and groups representing the targeted communities",
  );
