// Every criterion says what the task force should do and what to ask it, grounded in the
// criterion's own citations.
import { describe, expect, it } from "vitest";
import { checkRubric } from "../../src/score/rubric.ts";
import { hearingQuestion } from "../../src/render/hearing.ts";
import { rubric, RUBRIC_TEXT } from "./helpers.ts";

/** Publications a recommendation might name; each may be named only if the criterion cites it. */
const NAMED = [
  ["World Health Organization", /World Health Organization/],
  ["Amnesty International", /Amnesty International/],
  ["Office for Victims of Crime", /Office for Victims of Crime/],
  ["Department of State", /Department of State/],
  ["e-Guide", /e-Guide/],
  ["Enhanced Collaborative Model", /e-Guide/],
  ["Platt", /Platt/],
  ["Shannon", /Shannon/],
  ["LAist", /LAist/],
  ["Campaign Zero", /Campaign Zero/],
  ["Climate Emergency UK", /Climate Emergency UK/],
  ["Human Rights Campaign", /Human Rights Campaign/],
] as const;

describe("recommendations and hearing questions in the rubric", () => {
  it("gives every criterion a recommendation of one or two plain sentences", () => {
    for (const c of rubric.criteria) {
      expect(c.recommendation, c.id).toMatch(/^[A-Z].*\.$/);
      const sentences = c.recommendation.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length, c.id).toBeLessThanOrEqual(2);
      expect(c.recommendation.length, c.id).toBeLessThanOrEqual(600);
    }
  });

  it("names only publications that the criterion itself cites", () => {
    for (const c of rubric.criteria) {
      const cited = c.citations.map((ct) => `${ct.title} ${ct.publisher} ${ct.author ?? ""}`).join(" | ");
      for (const [name, inCitation] of NAMED) {
        if (c.recommendation.includes(name)) expect(cited, `${c.id} names ${name}`).toMatch(inCitation);
      }
    }
  });

  it("gives every criterion one question that can be read aloud", () => {
    for (const c of rubric.criteria) {
      const q = hearingQuestion(c);
      expect(q, c.id).toMatch(/^[A-Z][^?]*\?$/);
      expect(q.length, c.id).toBeLessThanOrEqual(200);
    }
  });

  it("reports a rubric criterion without a recommendation as a located error", () => {
    const text = RUBRIC_TEXT.replace(/\n {4}recommendation: >-\n(?: {6}.*\n)+/, "\n");
    expect(text).not.toBe(RUBRIC_TEXT);
    const { rubric: parsed, problems } = checkRubric("my-rubric.yaml", text);
    expect(parsed).toBeUndefined();
    expect(problems).toHaveLength(1);
    const line = text.split("\n").findIndex((l) => l.includes("- id: law-enforcement-share")) + 1;
    expect(problems[0]).toMatchObject({ file: "my-rubric.yaml", code: "schema-required", line, severity: "error" });
    expect(problems[0]!.message).toContain("recommendation");
  });

  it("refuses an empty recommendation or hearing question", () => {
    const text = RUBRIC_TEXT.replace(/( {2}- id: right-of-reply[\s\S]*?\n {4}hearing_question: ).*\n/, "$1''\n");
    expect(checkRubric("r.yaml", text).problems.map((p) => p.code)).toEqual(["schema-length"]);
  });
});
