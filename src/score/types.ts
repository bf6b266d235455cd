import type { Cite, DateBasis, TaskForce } from "../model.ts";
import type { Msg, Value } from "../i18n/message.ts";

export type Status = "met" | "partly-met" | "not-met" | "unknown";

/**
 * When a fact held: the data's own date for it, or, when it has none, the publication date
 * of its newest source (published: true, printed "as reported in 2015"). basis says whether
 * that date is stated or worked out (inferred ones are printed as inferred).
 */
export interface FactDate {
  date: string;
  basis: DateBasis;
  published: boolean;
}

/** One fact a criterion used or showed, as a finding: words come from the catalogue. */
export interface FactFinding {
  label: Msg;
  value: Value;
  sources: Cite[];
  asOf?: FactDate;
  /** Shown beside the facts that decide the status (another period, a policy beside a practice), but not used for it. */
  context?: boolean;
}

/** What a criterion decides. Points are worked out from the status and the rubric's weight. */
export interface CriterionOutcome {
  status: Status;
  facts: FactFinding[];
  /** The finding behind the status: one sentence, once it is put into words. */
  reason: Msg;
}

/** A fact in words. */
export interface Fact {
  label: string;
  value: string;
  sources: Cite[];
  asOf?: FactDate;
  context?: boolean;
}

export type CriterionFn = (taskForce: TaskForce, params: Readonly<Record<string, unknown>>) => CriterionOutcome;

/** A criterion's code: the function that scores it, and the JSON Schema its rubric params must meet. */
export interface Criterion {
  score: CriterionFn;
  params: Record<string, unknown>;
}

export interface Citation {
  title: string;
  publisher: string;
  author?: string;
  date?: string;
  /** The part of the publication that says it, such as "section 3.1". */
  section?: string;
  url?: string;
  /** A DOI or document number, when there is no address or as well as one. */
  identifier?: string;
}

export interface RubricCriterion {
  id: string;
  category: string;
  title: string;
  question: string;
  why: string;
  citations: Citation[];
  weight: number;
  params: Record<string, unknown>;
  /** How the criterion is met, partly met and not met, in plain words. */
  scoring: { met: string; partly_met: string; not_met: string };
  partial_credit: string;
  unknown_data: string;
}

export interface Rubric {
  version: string;
  title: string;
  publisher: string;
  /** A short introduction for the methodology. */
  summary: string;
  categories: { id: string; title: string }[];
  grading: {
    /** Below this share of the total weight with data, the grade is "Incomplete". */
    min_coverage: number;
    /** Lowest percentage for each letter, highest first. */
    grades: { grade: string; min_percent: number }[];
    /** The share of a criterion's weight that "partly met" earns. */
    partly_met_share: number;
    /** Facts older than this many years at the scorecard's date are marked as dated. */
    stale_after_years: number;
    /** Plain-language rules, shown in the methodology. */
    unknown: string;
    rounding: string;
    ties: string;
    /** How the evidence is weighed: periods, bounds, none reported, practice and policy, one figure one score. */
    evidence: string;
  };
  criteria: RubricCriterion[];
}

export interface CriterionResult {
  status: Status;
  /** The reason in words, in the language the card was scored in. */
  reason: string;
  /** The reason as a finding, to put into another language. */
  finding: Msg;
  facts: Fact[];
  /** The ids of the sources that the status rests on (the facts that decide it, not the context). */
  basis: string[];
  /** When the deciding facts are from, newest first, each once. */
  asOf: FactDate[];
  /** Share of the weight earned, 0 to 1; null when the status is unknown. */
  fraction: number | null;
  id: string;
  title: string;
  category: string;
  question: string;
  weight: number;
  points: number;
}

export interface ScoreCard {
  name: string;
  rubricVersion: string;
  criteria: CriterionResult[];
  points: number;
  /** The rubric's total weight. */
  maxPoints: number;
  /** The weight of the criteria that had data: the points that could be earned. */
  scoredMaxPoints: number;
  /** Points as a percentage of scoredMaxPoints. */
  percent: number;
  /** Share of the rubric's weight that had data, 0 to 1. */
  coverage: number;
  grade: string;
  /** How sure the grade is: what it rests on, and what it would be without second-hand sources. */
  confidence: Confidence;
}

export interface Confidence {
  /** For each source that alone carries one or more scored criteria: how many, and their weight. */
  soleSources: { source: string; criteria: number; weight: number }[];
  /** The criteria whose every deciding source is news, an op-ed, advocacy or another second-hand kind. */
  secondHand: { criteria: string[]; weight: number };
  /** The grade if those criteria were unknown. */
  withoutSecondHand: { grade: string; percent: number; coverage: number; points: number; scoredMaxPoints: number };
  /** True when that test changes the grade (to another letter, or to Incomplete). */
  fragile: boolean;
}
