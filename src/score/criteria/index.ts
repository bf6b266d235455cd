import type { CriterionFn } from "../types.ts";
import { affectedCommunitySeats } from "./affected-community-seats.ts";
import { lawEnforcementShare } from "./law-enforcement-share.ts";
import { noStingsOnPeopleSellingSex } from "./no-stings-on-people-selling-sex.ts";
import { servicesNotConditional } from "./services-not-conditional.ts";

/** Every criterion function, keyed by its id in the rubric. */
export const criteria: Readonly<Record<string, CriterionFn>> = {
  "law-enforcement-share": lawEnforcementShare,
  "affected-community-seats": affectedCommunitySeats,
  "no-stings-on-people-selling-sex": noStingsOnPeopleSellingSex,
  "services-not-conditional": servicesNotConditional,
};
