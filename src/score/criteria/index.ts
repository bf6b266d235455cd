import type { Criterion } from "../types.ts";
import * as affectedCommunitySeats from "./affected-community-seats.ts";
import * as buyerStings from "./buyer-stings-tied-to-victims.ts";
import * as collateral from "./collateral-consequences.ts";
import * as oversight from "./community-oversight.ts";
import * as dataByCharge from "./data-by-charge.ts";
import * as demographics from "./demographic-disparities.ts";
import * as lawEnforcementShare from "./law-enforcement-share.ts";
import * as lowBarrier from "./low-barrier-services.ts";
import * as condoms from "./no-condoms-as-evidence.ts";
import * as stings from "./no-sex-trade-stings.ts";
import * as nonPunishment from "./non-punishment-of-victims.ts";
import * as reply from "./right-of-reply.ts";
import * as services from "./services-not-conditional.ts";
import * as traffickingShare from "./trafficking-arrest-share.ts";
import * as coLead from "./victim-service-co-lead.ts";

/** Every criterion's code, keyed by its id in the rubric. */
export const criteria: Readonly<Record<string, Criterion>> = {
  "law-enforcement-share": { score: lawEnforcementShare.lawEnforcementShare, params: lawEnforcementShare.params },
  "victim-service-co-lead": { score: coLead.victimServiceCoLead, params: coLead.params },
  "affected-community-seats": { score: affectedCommunitySeats.affectedCommunitySeats, params: affectedCommunitySeats.params },
  "no-sex-trade-stings": { score: stings.noSexTradeStings, params: stings.params },
  "buyer-stings-tied-to-victims": { score: buyerStings.buyerStingsTiedToVictims, params: buyerStings.params },
  "trafficking-arrest-share": { score: traffickingShare.traffickingArrestShare, params: traffickingShare.params },
  "services-not-conditional": { score: services.servicesNotConditional, params: services.params },
  "low-barrier-services": { score: lowBarrier.lowBarrierServices, params: lowBarrier.params },
  "demographic-disparities": { score: demographics.demographicDisparities, params: demographics.params },
  "data-by-charge": { score: dataByCharge.dataByCharge, params: dataByCharge.params },
  "community-oversight": { score: oversight.communityOversight, params: oversight.params },
  "right-of-reply": { score: reply.rightOfReply, params: reply.params },
  "no-condoms-as-evidence": { score: condoms.noCondomsAsEvidence, params: condoms.params },
  "non-punishment-of-victims": { score: nonPunishment.nonPunishmentOfVictims, params: nonPunishment.params },
  "collateral-consequences": { score: collateral.collateralConsequences, params: collateral.params },
};
