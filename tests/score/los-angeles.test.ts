// Acceptance 2: the real LA scorecard. These checks read the real data file, so they pin
// only what its cited facts support.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../../src/score/score.ts";
import { LA_FILE, rubric, valid } from "./helpers.ts";

const r = rubric();
const la = valid(LA_FILE, readFileSync(LA_FILE, "utf8"));
const card = score(la, r);
const byId = (id: string) => card.criteria.find((c) => c.id === id)!;

describe("the Los Angeles scorecard", () => {
  it("is not met on law-enforcement share, community representation, stings and conditional services", () => {
    for (const id of ["law-enforcement-share", "affected-community-seats", "no-stings-on-people-selling-sex", "services-not-conditional"]) {
      expect(byId(id).status, id).toBe("not-met");
    }
  });

  it("quotes 70 officers, 33 arrests and 10 referrals in its reasons", () => {
    const reasons = card.criteria.map((c) => c.reason).join("\n");
    expect(reasons).toMatch(/\b70 officers\b/);
    expect(reasons).toMatch(/\b33 arrests for prostitution or solicitation and 0 for trafficking in the Lynwood and Compton operation of 21 August 2018\b/);
    expect(byId("services-not-conditional").reason).toMatch(/\b10 of the 33 arrested were referred to services only after arrest and booking\b/);
    expect(byId("officers-per-trafficking-arrest").reason).toContain("70 officers were deployed and 0 trafficking arrests made");
  });

  it("reports both arrest figures honestly: 0 of 33 in 2018, 132 of 354 in the first year", () => {
    const reason = byId("trafficking-arrest-share").reason;
    expect(reason).toContain("0 of 33 arrests were for trafficking");
    expect(reason).toContain("132 of 354 arrests were for trafficking");
  });

  it("leaves unknown what no source states, and never scores it", () => {
    for (const id of ["survivor-led-seats", "no-condoms-as-evidence", "right-of-reply", "low-barrier-services"]) {
      expect(byId(id).status, id).toBe("unknown");
      expect(byId(id).points).toBe(0);
    }
  });

  it("has a grade consistent with its coverage", () => {
    const known = card.criteria.filter((c) => c.status !== "unknown").reduce((s, c) => s + c.weight, 0);
    expect(card.scoredMaxPoints).toBe(known);
    expect(card.coverage).toBeCloseTo(known / card.maxPoints, 4);
    if (card.coverage < r.grading.min_coverage) expect(card.grade).toBe("Incomplete");
    else {
      const letter = r.grading.grades.find((g) => card.percent >= g.min_percent)!.grade;
      expect(card.grade).toBe(letter);
    }
  });

  it("cites, for every fact, only sources the LA file lists", () => {
    const ids = new Set(la.sources.map((s) => s.id));
    for (const c of card.criteria) for (const f of c.facts) for (const s of f.sources) expect(ids.has(s), `${c.id}: ${s}`).toBe(true);
  });
});
