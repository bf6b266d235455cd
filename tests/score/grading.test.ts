import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { floorTo, grade, round2, score } from "../../src/score/score.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { cases, patched, rubric, RUBRIC_TEXT, LA_FILE, valid } from "./helpers.ts";
import { readFileSync } from "node:fs";

const r = rubric();

describe("grades, coverage and rounding", () => {
  it("gives the higher letter to a percentage exactly on a boundary", () => {
    expect(grade(90, 1, r)).toBe("A");
    expect(grade(89.99, 1, r)).toBe("B");
    expect(grade(60, 1, r)).toBe("D");
    expect(grade(0, 1, r)).toBe("F");
  });

  it("says Incomplete below the coverage threshold, and grades at exactly the threshold", () => {
    expect(grade(100, r.grading.min_coverage - 0.0001, r)).toBe("Incomplete");
    expect(grade(100, r.grading.min_coverage, r)).toBe("A");
    expect(grade(100, 0, r)).toBe("Incomplete");
  });

  it("rounds percentages and coverage down, points half away from zero", () => {
    expect(floorTo(0.51, 4)).toBe(0.51);
    expect(floorTo(0.49999, 4)).toBe(0.4999);
    expect(floorTo(89.999, 2)).toBe(89.99);
    expect(round2(3.505)).toBe(3.51);
    expect(round2(1.005)).toBe(1.01);
  });

  it("never lets unknown count as no: an unknown criterion leaves the percentage unchanged", () => {
    const met = cases()["no-sex-trade-stings"]!.met.patch;
    const one = score(patched(met), r);
    expect(one.points).toBe(10);
    expect(one.scoredMaxPoints).toBe(10);
    expect(one.percent).toBe(100);
    expect(one.coverage).toBe(0.1);
    // 100% of what is known, but too little is known for a letter.
    expect(one.grade).toBe("Incomplete");
  });

  it("keeps totals consistent for any weights, min_coverage and task force", () => {
    const la = valid(LA_FILE, readFileSync(LA_FILE, "utf8"));
    const example = patched(cases()["right-of-reply"]!.met.patch);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: r.criteria.length, maxLength: r.criteria.length }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.boolean(),
        (weights, minCoverage, useLa) => {
          const custom = {
            ...r,
            grading: { ...r.grading, min_coverage: minCoverage },
            criteria: r.criteria.map((c, i) => ({ ...c, weight: weights[i]! })),
          };
          const card = score(useLa ? la : example, custom);
          const known = card.criteria.filter((c) => c.status !== "unknown");
          expect(card.maxPoints).toBe(weights.reduce((a, b) => a + b, 0));
          expect(card.scoredMaxPoints).toBe(known.reduce((s, c) => s + c.weight, 0));
          expect(card.points).toBeLessThanOrEqual(card.scoredMaxPoints);
          expect(card.points).toBeCloseTo(
            card.criteria.reduce((s, c) => s + c.points, 0),
            2,
          );
          expect(card.coverage).toBeLessThanOrEqual(card.scoredMaxPoints / card.maxPoints + 1e-12);
          expect(card.percent).toBeGreaterThanOrEqual(0);
          expect(card.percent).toBeLessThanOrEqual(100);
          // A letter only with enough data; never a letter made up from nothing.
          expect(card.grade === "Incomplete").toBe(card.coverage < minCoverage || known.length === 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the rubric is data (acceptance 3)", () => {
  const la = valid(LA_FILE, readFileSync(LA_FILE, "utf8"));

  it("changes the score when a weight in the rubric file changes, with no code change", () => {
    const before = score(la, parseRubric(RUBRIC_TEXT));
    // Trafficking-arrest share is partly met for LA: raising its weight raises the points.
    const edited = RUBRIC_TEXT.replace(/(id: trafficking-arrest-share[\s\S]*?\n {4}weight: )11\n/, "$120\n");
    expect(edited).not.toBe(RUBRIC_TEXT);
    const after = score(la, parseRubric(edited));
    const crit = (c: typeof before) => c.criteria.find((x) => x.id === "trafficking-arrest-share")!;
    expect(crit(before).points).toBe(5.5);
    expect(crit(after).points).toBe(10);
    expect(after.points).toBe(before.points + 4.5);
    expect(after.maxPoints).toBe(before.maxPoints + 9);
    expect(after.percent).not.toBe(before.percent);
  });

  it("changes a status when a threshold in the rubric file changes", () => {
    const edited = RUBRIC_TEXT.replace("partly_met_at_least: 0.25", "partly_met_at_least: 0.4").replace(
      "met_at_least: 0.5\n",
      "met_at_least: 0.5\n",
    );
    const after = score(la, parseRubric(edited));
    expect(after.criteria.find((x) => x.id === "trafficking-arrest-share")!.status).toBe("not-met");
  });

  it("drops a criterion from the score when it is removed from the rubric file", () => {
    const edited = RUBRIC_TEXT.replace(/\n {2}- id: right-of-reply[\s\S]*?(?=\n {2}# -{5})/, "");
    const after = score(la, parseRubric(edited));
    expect(after.criteria.map((c) => c.id)).not.toContain("right-of-reply");
    expect(after.maxPoints).toBe(97);
  });
});
