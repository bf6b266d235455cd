import type { TaskForce } from "../model.ts";

export type Status = "met" | "partly-met" | "not-met" | "unknown";

/** One fact a criterion used, with the ids of the sources that state it. */
export interface Fact {
  label: string;
  value: string;
  sources: string[];
}

/** What a criterion function decides. Points are worked out from the status and the rubric's weight. */
export interface CriterionOutcome {
  status: Status;
  facts: Fact[];
  /** One plain sentence, built from the facts. */
  reason: string;
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
  /** The question for a hearing when the facts are unknown, if `question` does not read well aloud. */
  hearing_question?: string;
  /** What the task force should do to meet the criterion: one or two plain sentences, grounded in the citations. */
  recommendation: string;
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
    /** Plain-language rules, shown in the methodology. */
    unknown: string;
    rounding: string;
    ties: string;
  };
  criteria: RubricCriterion[];
}

export interface CriterionResult extends CriterionOutcome {
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
}
