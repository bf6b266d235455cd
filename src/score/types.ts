import type { TaskForce } from "../model.ts";

export type Status = "met" | "partly-met" | "not-met" | "unknown";

/** One fact a criterion used, with the ids of the sources that state it. */
export interface Fact {
  label: string;
  value: string;
  sources: string[];
}

/** What a criterion function decides. Points are worked out from the rubric's weight. */
export interface CriterionOutcome {
  status: Status;
  /** Share of the weight earned, 0 to 1; null when the status is unknown. */
  fraction: number | null;
  facts: Fact[];
  /** One plain sentence, built from the facts. */
  reason: string;
}

export type CriterionFn = (taskForce: TaskForce, params: Readonly<Record<string, unknown>>) => CriterionOutcome;

export interface RubricCriterion {
  id: string;
  category: string;
  title: string;
  question: string;
  why: string;
  citations: { title: string; publisher: string; date?: string; url?: string }[];
  weight: number;
  params: Record<string, unknown>;
  partial_credit: string;
  unknown_data: string;
}

export interface Rubric {
  version: string;
  title: string;
  publisher: string;
  grading: {
    /** Below this share of the total weight with data, the grade is "Incomplete". */
    min_coverage: number;
    /** Lowest percentage for each letter, highest first. */
    grades: { grade: string; min_percent: number }[];
  };
  criteria: RubricCriterion[];
}

export interface CriterionResult extends CriterionOutcome {
  id: string;
  title: string;
  category: string;
  weight: number;
  points: number;
}

export interface ScoreCard {
  name: string;
  rubricVersion: string;
  criteria: CriterionResult[];
  points: number;
  maxPoints: number;
  /** Points as a percentage of the weight that had data. */
  percent: number;
  /** Share of the rubric's weight that had data, 0 to 1. */
  coverage: number;
  grade: string;
}
