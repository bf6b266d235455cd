import type { CriterionFn } from "../types.ts";
import { seats } from "./seats.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/** Survivor-led groups are voting members. */
export const survivorLedSeats: CriterionFn = (tf) =>
  seats(tf, [{ field: "survivor_led_seats", label: "Seats for survivor-led groups" }], ["survivor-led"], "survivor-led groups");
