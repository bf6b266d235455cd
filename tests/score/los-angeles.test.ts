// The real LA scorecard. These checks read the real data file, so they pin only what its
// cited facts support, in the sources' own words, and nothing stronger.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../../src/score/score.ts";
import { LA_FILE, rubric, valid } from "./helpers.ts";

const r = rubric();
const la = valid(LA_FILE, readFileSync(LA_FILE, "utf8"));
const card = score(la, r);
const byId = (id: string) => card.criteria.find((c) => c.id === id)!;
const everything = () => card.criteria.flatMap((c) => [c.reason, ...c.facts.flatMap((f) => [f.label, f.value])]).join("\n");

describe("the Los Angeles scorecard", () => {
  it("is not met only where a source reports the practice (the 2018 sting), and not where the best case is still open", () => {
    expect(byId("no-sex-trade-stings").status).toBe("not-met");
    // No victim service provider among the leads reported in 2015, but no complete list rules out one with a vote.
    expect(byId("victim-service-co-lead").status).toBe("unknown");
    expect(byId("victim-service-co-lead").facts[0]!.asOf).toMatchObject({ date: "2015", published: true });
  });

  it("never takes an incomplete member list, or a group that is not listed, for the whole membership", () => {
    expect(byId("law-enforcement-share").status).toBe("unknown");
    expect(byId("affected-community-seats").status).toBe("unknown");
    expect(everything()).not.toMatch(/hold(s)? no seat|no seat/i);
    // The 2016 count is shown with the bounds it allows.
    expect(everything()).toContain("between 0% and 64% of the 28 counted or named");
  });

  it("keeps the sources' words: roughly 70, prostitution and solicitation charges, trafficking-related, none reported", () => {
    expect(byId("no-sex-trade-stings").reason).toContain("33 arrests for prostitution and solicitation charges");
    expect(byId("trafficking-arrest-share").reason).toContain(
      "132 of 354 arrests were for what the source calls “trafficking-related” offences",
    );
    const facts = byId("trafficking-arrest-share")
      .facts.map((f) => f.value)
      .join("\n");
    expect(facts).toContain("for trafficking: none reported");
    expect(everything()).not.toMatch(/\b0 trafficking arrests\b|for trafficking: 0\b/);
    expect(la.operations[0]!.officers_deployed).toEqual({ approximately: 70, words: "roughly 70" });
  });

  it("says whose words each reason is: an op-ed, or news reports", () => {
    expect(byId("no-sex-trade-stings").reason).toMatch(/^According to an op-ed by Kate D'Adamo \(Medium, 2018, year inferred\)/);
    expect(byId("trafficking-arrest-share").reason).toMatch(/^According to a news report \(scvnews\.com, 2016\)/);
    expect(byId("buyer-stings-tied-to-victims").reason).not.toMatch(/^According/);
  });

  it("never pools periods: it scores the first-year figures alone, and shows the 2018 sting beside them", () => {
    const t = byId("trafficking-arrest-share");
    expect(t.status).toBe("partly-met");
    expect(t.reason).not.toMatch(/in all|486|387/);
    expect(t.facts.find((f) => f.label.includes("Lynwood"))?.context).toBe(true);
  });

  it("infers no policy from the 2018 operation", () => {
    for (const [id, p] of Object.entries(la.policies)) expect(p.status, id).toBe("unknown");
    expect(byId("services-not-conditional").status).toBe("unknown");
  });

  it("marks the inferred year wherever the 2018 date is given", () => {
    const sting = byId("no-sex-trade-stings");
    expect(sting.reason).toContain("21 August 2018 (year inferred)");
    expect(sting.asOf[0]).toMatchObject({ date: "2018-08-21", basis: "year-inferred" });
  });

  it("says what the grade rests on, and what it would be without second-hand sources", () => {
    expect(card.confidence.soleSources).toContainEqual({ source: "op-ed-2018", criteria: 1, weight: 10 });
    expect(card.confidence.secondHand.criteria.sort()).toEqual(["no-sex-trade-stings", "trafficking-arrest-share"]);
    expect(card.confidence.withoutSecondHand.grade).toBe("Incomplete");
  });

  it("has a grade consistent with its coverage", () => {
    const known = card.criteria.filter((c) => c.status !== "unknown").reduce((s, c) => s + c.weight, 0);
    expect(card.scoredMaxPoints).toBe(known);
    expect(card.coverage).toBeCloseTo(known / card.maxPoints, 4);
    if (card.coverage < r.grading.min_coverage) expect(card.grade).toBe("Incomplete");
    else expect(card.grade).toBe(r.grading.grades.find((g) => card.percent >= g.min_percent)!.grade);
  });

  it("cites, for every fact, only sources the LA file lists", () => {
    const ids = new Set(la.sources.map((s) => s.id));
    for (const c of card.criteria)
      for (const f of c.facts) for (const s of f.sources) expect(ids.has(s.source), `${c.id}: ${s.source}`).toBe(true);
  });
});
