import { describe, expect, it } from "vitest";
import { criteria } from "../../src/score/criteria/index.ts";
import { score } from "../../src/score/score.ts";
import { blank, cases, patched, rubric, type CaseStatus } from "./helpers.ts";

const STATUSES: CaseStatus[] = ["met", "partly-met", "not-met", "unknown"];
const all = cases();
const r = rubric();

describe("the criteria", () => {
  it("has at least ten criteria, each with a function, and a fixture for every status", () => {
    expect(r.criteria.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(criteria).sort()).toEqual(r.criteria.map((c) => c.id).sort());
    expect(Object.keys(all).sort()).toEqual(r.criteria.map((c) => c.id).sort());
    for (const id of Object.keys(all)) expect(Object.keys(all[id]!).sort(), id).toEqual([...STATUSES].sort());
  });

  it("covers every category the issue asks for", () => {
    const cats = new Set(r.criteria.map((c) => c.category));
    for (const c of ["composition", "representation", "tactics", "services", "equity", "accountability", "harm-reduction"])
      expect(cats.has(c), c).toBe(true);
  });

  it("scores the blank fictional task force unknown on every criterion", () => {
    const card = score(blank(), r);
    expect(card.criteria.filter((c) => c.status !== "unknown").map((c) => c.id)).toEqual([]);
    expect(card.points).toBe(0);
    expect(card.coverage).toBe(0);
    expect(card.grade).toBe("Incomplete");
  });
});

for (const c of r.criteria) {
  describe(`criterion ${c.id}`, () => {
    for (const status of STATUSES) {
      const example = all[c.id]![status];
      if (example.skip) continue;
      it(`is ${status} on its fictional fixture, with finding ${example.finding}`, () => {
        const outcome = criteria[c.id]!.score(patched(example.patch), c.params);
        expect(outcome.status).toBe(status);
        expect(outcome.reason.id).toBe(example.finding);
        // The finding in words: one plain sentence, with nothing left unformatted.
        const got = score(patched(example.patch), r).criteria.find((x) => x.id === c.id)!;
        expect(got.reason.toLowerCase()).toContain(example.reason.toLowerCase());
        expect(got.reason).toMatch(/^[A-Z0-9"“].*\.$/);
        expect(got.reason).not.toMatch(/\n|undefined|NaN|\[object|null|\{/);
        for (const f of got.facts) {
          expect(f.label).not.toMatch(/undefined|NaN|\[object|\{/);
          expect(f.value).not.toMatch(/undefined|NaN|\[object|\{/);
          expect(Array.isArray(f.sources)).toBe(true);
        }
      });
    }

    it("cites only sources the fixture lists", () => {
      for (const status of STATUSES) {
        if (all[c.id]![status].skip) continue;
        const tf = patched(all[c.id]![status].patch);
        const ids = new Set(tf.sources.map((s) => s.id));
        for (const f of criteria[c.id]!.score(tf, c.params).facts)
          for (const s of f.sources) expect(ids.has(s.source), `${status}: ${s.source}`).toBe(true);
      }
    });

    it("scores points from the status and weight: unknown earns none", () => {
      for (const status of STATUSES) {
        if (all[c.id]![status].skip) continue;
        const card = score(patched(all[c.id]![status].patch), r);
        const got = card.criteria.find((x) => x.id === c.id)!;
        expect(got.status).toBe(status);
        const share = { met: 1, "partly-met": r.grading.partly_met_share, "not-met": 0, unknown: 0 }[status];
        expect(got.points).toBeCloseTo(c.weight * share, 2);
        expect(got.fraction).toBe(status === "unknown" ? null : share);
      }
    });
  });
}
