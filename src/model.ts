// The shape of a task force file, as schemas/task-force.schema.json describes it.
// Data only reaches these types after validation has passed.

export type Unknown = "unknown";
export type YesNo = "yes" | "no" | Unknown;
/** A figure the source gives only approximately, in its own words ("roughly 70"). */
export interface Approximate {
  approximately: number;
  words: string;
}
/**
 * A figure: a stated number (0 only when a source states zero), unknown (no source speaks
 * to it), none-reported (a source reports other figures of the same record, not this one),
 * or an approximation in the source's words.
 */
export type Count = number | Unknown | "none-reported" | Approximate;
export type DateBasis = "stated" | "year-inferred" | "inferred";

export type Sector =
  | "law-enforcement"
  | "prosecution"
  | "federal-agency"
  | "government-social-services"
  | "victim-service-provider"
  | "survivor-led"
  | "sex-worker-led"
  | "targeted-community"
  | "health-harm-reduction"
  | "faith-based"
  | "anti-sex-work-advocacy"
  | "academic"
  | "other"
  | "unknown";

export type Role = "lead" | "voting-member" | "advisory" | "partner" | "unknown";
export type ReviewStatus = "draft" | "sent-for-reply" | "published";
export type OperationType =
  | "sting-selling-sex"
  | "sting-sex-trade"
  | "buyer-sting"
  | "trafficker-investigation"
  | "outreach"
  | "multiple"
  | "other"
  | "unknown";

/** One citation of a source for a fact: the source's id and, where recorded, its own words. */
export interface Cite {
  source: string;
  quote?: string;
  page?: string;
  section?: string;
}

/** After validation every citation is a Cite; in the file it may be a bare id. */
export interface Sourced {
  sources?: Cite[];
  note?: string;
}

export interface Member extends Sourced {
  name: string;
  sector: Sector;
  role: Role;
  votes: YesNo;
}

export interface MemberCountGroup {
  label: string;
  kind: "government" | "non-government" | Exclude<Sector, "unknown">;
  count: Count;
}

export interface MemberCounts extends Sourced {
  as_of: string;
  as_of_basis?: DateBasis;
  groups: MemberCountGroup[];
}

export interface Arrests {
  total: Count;
  selling_sex?: Count;
  buying_sex?: Count;
  selling_or_buying_sex?: Count;
  trafficking?: Count;
  trafficking_related?: Count;
  other?: Count;
}

export interface Operation extends Sourced {
  name: string;
  date: string;
  date_basis?: DateBasis;
  period?: string;
  places?: string[];
  type: OperationType;
  officers_deployed: Count;
  tied_to_identified_victims?: YesNo;
  arrests: Arrests;
  minors?: { arrested?: Count; identified?: Count };
  victims_identified?: Count;
  referred_to_services: Count;
  services_conditional_on_arrest: YesNo;
  demographics?: { places?: string; people_arrested?: string; disclosed_by_task_force?: YesNo; disparity_reported?: YesNo };
}

export interface Policy extends Sourced {
  status: YesNo;
  as_of?: string;
}

export type PolicyId =
  | "non_arrest_of_people_selling_sex"
  | "non_punishment_of_victims"
  | "no_condoms_as_evidence"
  | "services_without_arrest_or_cooperation"
  | "low_barrier_services"
  | "immigration_protections"
  | "publishes_data_by_charge"
  | "community_oversight"
  | "collateral_consequences_support";

export interface Source {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  date: string;
  date_basis?: DateBasis;
  /** Whom the author wrote for, in the source's words. */
  on_behalf_of?: string;
  url?: string;
  identifier?: string;
  /** When someone last checked the address says what this file cites it for. */
  accessed?: string;
  /** A saved copy, in case the address stops working. */
  archive_url?: string;
  type: SourceKind;
  note?: string;
}

export type SourceKind = "task-force" | "government" | "court" | "news" | "op-ed" | "advocacy" | "report" | "academic" | "task-force-reply" | "other";

export interface TaskForce {
  schema_version: 1;
  fictional?: "yes" | "no";
  name: string;
  jurisdiction: Sourced & { city?: string; county?: string; state?: string; country: string; region?: string };
  website?: string;
  founded?: { date: string; date_basis?: DateBasis; sources: Cite[] };
  lead_agencies?: (Sourced & { name: string; sector: Sector })[];
  funding?: (Sourced & { funder: string; program?: string; amount: Count; currency?: string; years?: string })[];
  review: {
    status: ReviewStatus;
    last_reviewed: string;
    reply?: { status: "not-requested" | "requested" | "received" | "declined"; date?: string; summary?: string; sources?: Cite[] };
  };
  membership: { as_of?: string; as_of_basis?: DateBasis; complete?: YesNo; members: Member[]; counts?: MemberCounts[]; note?: string };
  representation: Sourced & {
    as_of?: string;
    survivor_led_seats: Count;
    sex_worker_led_seats: Count;
    targeted_community_seats: Count;
    seats_vote: YesNo;
    meetings_public: YesNo;
    minutes_public: YesNo;
  };
  operations: Operation[];
  policies: Record<PolicyId, Policy>;
  sources: Source[];
}

export const isKnown = <T>(value: T | Unknown | undefined): value is T => value !== undefined && value !== "unknown";

/** A count stated as an exact number (0 included): the only kind arithmetic may use as exact. */
export const isStated = (value: Count | undefined): value is number => typeof value === "number";
