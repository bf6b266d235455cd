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
export type OperationType =
  "sting-selling-sex" | "sting-sex-trade" | "buyer-sting" | "trafficker-investigation" | "outreach" | "multiple" | "other" | "unknown";

/** One citation of a source for a fact: the source's id and, where recorded, its own words. */
export interface Cite {
  source: string;
  quote?: string;
  /** quote_es: a translation of the quote by the scorecard's authors, printed as one. */
  [translation: `quote_${string}`]: string | undefined;
  page?: string;
  section?: string;
}

/** After validation every citation is a Cite; in the file it may be a bare id. */
export interface Sourced {
  sources?: Cite[];
  note?: string;
  /** note_es: a translation of the note by the scorecard's authors, printed as one. */
  [translation: `note_${string}`]: string | undefined;
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
  [translation: `note_${string}`]: string | undefined;
  /** The language it is written in, when not the file's (a tag such as es). */
  language?: string;
}

export type SourceKind =
  "task-force" | "government" | "court" | "news" | "op-ed" | "advocacy" | "report" | "academic" | "task-force-reply" | "other";

export interface TaskForce {
  schema_version: 1;
  fictional?: "yes" | "no";
  name: string;
  /** The language of the file's names, notes and quotes (a tag such as en or es); English when not given. */
  language?: string;
  jurisdiction: Sourced & { city?: string; county?: string; state?: string; country: string; region?: string };
  website?: string;
  founded?: { date: string; date_basis?: DateBasis; sources: Cite[] };
  lead_agencies?: (Sourced & { name: string; sector: Sector })[];
  funding?: (Sourced & { funder: string; program?: string; amount: Count; currency?: string; years?: string })[];
  review: Review;
  membership: {
    as_of?: string;
    as_of_basis?: DateBasis;
    complete?: YesNo;
    members: Member[];
    counts?: MemberCounts[];
    note?: string;
    [translation: `note_${string}`]: string | undefined;
  };
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

// ---------------------------------------------------------------- review and the right of reply

/**
 * Where a scorecard stands. draft: being written. sent-for-reply: the draft went to the task
 * force on `requested`. replied: it answered. no-reply: the deadline passed without an answer.
 * published: final, which needs a request and either a reply or a passed deadline.
 */
export type ReviewStatus = "draft" | "sent-for-reply" | "replied" | "no-reply" | "published";

/** Whether a reply agrees with the part of the draft it answers. */
export type Agrees = "yes" | "no" | "partly";

/** One answer from the task force, recorded as it was given. */
export interface Reply {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  /** Who answered, as they signed. */
  from: string;
  /** A criterion id of the rubric, or "general". */
  about: string;
  agrees: Agrees;
  /** The task force's own words, verbatim. */
  text: string;
  /** The letter or email that carries it (a source of type task-force-reply). */
  sources: Cite[];
  note?: string;
}

export interface Review {
  status: ReviewStatus;
  last_reviewed: string;
  /** The day the draft was sent to the task force for its reply, YYYY-MM-DD. */
  requested?: string;
  /** The day a reply is due, YYYY-MM-DD. After validation it is always set when `requested` is. */
  deadline?: string;
  replies?: Reply[];
  /** The old way of recording the reply. Validation says what to write instead; nothing reads it. */
  reply?: { status: string };
}

/** Days a task force has to reply, unless scorecard.config.yaml or the file says otherwise. */
export const DEFAULT_REPLY_DAYS = 30;

/** A YYYY-MM-DD day plus a number of days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day a reply is due: as the file states it, else `days` after the request; undefined before any request. */
export function replyDeadline(review: Review, days = DEFAULT_REPLY_DAYS): string | undefined {
  if (review.deadline) return review.deadline;
  return review.requested && /^\d{4}-\d{2}-\d{2}$/.test(review.requested) ? addDays(review.requested, days) : undefined;
}

/**
 * The state a reader is told, from the status and the dates: "draft" (not yet sent),
 * "awaiting" (sent, deadline not passed), "replied", "no-reply" (deadline passed with no
 * answer). `today` is YYYY-MM-DD.
 */
export type ReplyState = "not-sent" | "awaiting" | "replied" | "no-reply";

export function replyState(review: Review, today: string, days = DEFAULT_REPLY_DAYS): ReplyState {
  if ((review.replies ?? []).length > 0) return "replied";
  if (review.status === "no-reply") return "no-reply";
  const deadline = replyDeadline(review, days);
  if (!review.requested || !deadline) return "not-sent";
  return deadline < today ? "no-reply" : "awaiting";
}

export const isKnown = <T>(value: T | Unknown | undefined): value is T => value !== undefined && value !== "unknown";

/** A count stated as an exact number (0 included): the only kind arithmetic may use as exact. */
export const isStated = (value: Count | undefined): value is number => typeof value === "number";
