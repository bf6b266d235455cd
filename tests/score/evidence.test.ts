// The evidence rules (issue 10): bounds instead of incomplete denominators, three kinds of
// "none", one period at a time, attribution, and how sure the grade is. Fictional fixtures.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { criteria } from "../../src/score/criteria/index.ts";
import { score } from "../../src/score/score.ts";
import { fixture, readFixture } from "../helpers.ts";
import { patched, rubric, valid } from "./helpers.ts";

const r = rubric();
const params = (id: string) => r.criteria.find((c) => c.id === id)!.params;
const judge = (id: string, patch: unknown) => criteria[id]!.score(patched(patch), params(id));
const member = (name: string, sector: string) => ({ name, sector, role: "unknown", votes: "unknown", sources: ["example-news"] });
const six = ["Police", "Sheriff", "Prosecutor", "Patrol", "Federal Office", "Probation"].map((n, i) =>
  member(`Example ${n}`, i === 2 ? "prosecution" : i === 4 ? "federal-agency" : "law-enforcement"),
);

describe("shares judged by bounds", () => {
  it("does not fail balanced membership on six named agencies when a count of the same year gives 10 governmental and 20 other members", () => {
    const tf = valid("x.yaml", readFixture("evidence", "incomplete-list-with-count.yaml"));
    const result = score(tf, r).criteria.find((c) => c.id === "law-enforcement-share")!;
    expect(result.status).not.toBe("not-met");
    expect(result.status).toBe("met");
    expect(result.reason).toContain("between 20% and 33% of the 30 members counted as of 2023");
  });

  it("never uses a list that no source calls complete as the denominator on its own", () => {
    expect(judge("law-enforcement-share", { membership: { as_of: "2023", members: six } }).status).toBe("unknown");
    expect(judge("law-enforcement-share", { membership: { as_of: "2023", complete: "yes", members: six } }).status).toBe("not-met");
  });

  it("is unknown when the best and worst readings fall on different sides of a threshold", () => {
    const counts = [
      {
        as_of: "2023",
        groups: [
          { label: "government", kind: "government", count: 18 },
          { label: "community", kind: "non-government", count: 10 },
        ],
        sources: ["example-news"],
      },
    ];
    const outcome = judge("law-enforcement-share", { membership: { counts, members: [] } });
    expect(outcome.status).toBe("unknown");
  });

  it("never mixes a list and a count from different years", () => {
    const counts = [
      {
        as_of: "2016",
        groups: [
          { label: "government", kind: "government", count: 10 },
          { label: "community", kind: "non-government", count: 20 },
        ],
        sources: ["example-news"],
      },
    ];
    // The 2021 list alone decides nothing; the 2016 count alone allows at most 33%: met, from 2016.
    const outcome = judge("law-enforcement-share", { membership: { as_of: "2021", members: six, counts } });
    expect(outcome.status).toBe("met");
    expect(outcome.facts.filter((f) => f.context).length).toBeGreaterThan(0);
  });
});

describe("unknown, none reported and zero", () => {
  const sting = (trafficking: unknown) => ({
    operations: [
      {
        name: "Example Sting",
        date: "2023-06-01",
        type: "sting-selling-sex",
        officers_deployed: 10,
        arrests: { total: 20, selling_sex: 20, trafficking },
        referred_to_services: "unknown",
        services_conditional_on_arrest: "unknown",
        sources: ["example-news"],
      },
    ],
  });

  it("stores, scores and prints each differently", () => {
    const zero = score(patched(sting(0)), r).criteria.find((c) => c.id === "trafficking-arrest-share")!;
    const none = score(patched(sting("none-reported")), r).criteria.find((c) => c.id === "trafficking-arrest-share")!;
    const unknown = score(patched(sting("unknown")), r).criteria.find((c) => c.id === "trafficking-arrest-share")!;
    expect(zero.status).toBe("not-met");
    expect(zero.facts[0]!.value).toContain("for trafficking: 0");
    // None reported: the stated total leaves no room, so the share is settled, but it is never printed as 0.
    expect(none.status).toBe("not-met");
    expect(none.facts[0]!.value).toContain("for trafficking: none reported");
    expect(none.facts[0]!.value).not.toContain("for trafficking: 0");
    expect(unknown.status).toBe("unknown");
  });

  it("leaves the share open when none is reported and the total is not stated", () => {
    const open = {
      operations: [{ ...sting(0).operations[0], arrests: { total: "unknown", selling_or_buying_sex: 20, trafficking: "none-reported" } }],
    };
    expect(judge("trafficking-arrest-share", open).status).toBe("unknown");
  });

  it("keeps an approximation in the source's words", () => {
    const approx = { operations: [{ ...sting(0).operations[0], officers_deployed: { approximately: 40, words: "about forty" } }] };
    const tf = patched(approx);
    expect(tf.operations[0]!.officers_deployed).toEqual({ approximately: 40, words: "about forty" });
  });
});

describe("one period at a time", () => {
  it("scores the most recent period that decides it and shows the others, never their sum", () => {
    const op = (name: string, date: string, total: number, trafficking: number) => ({
      name,
      date,
      type: "multiple",
      officers_deployed: "unknown",
      arrests: { total, trafficking },
      referred_to_services: "unknown",
      services_conditional_on_arrest: "unknown",
      sources: ["example-news"],
    });
    const outcome = judge("trafficking-arrest-share", {
      operations: [op("Example 2019", "2019-01-01", 100, 80), op("Example 2023", "2023-01-01", 10, 1)],
    });
    expect(outcome.status).toBe("not-met");
    expect(outcome.facts.find((f) => JSON.stringify(f.label).includes("Example 2019"))?.context).toBe(true);
  });
});

describe("practice is not policy, and one figure moves one criterion", () => {
  it("leaves the policy criteria alone when only an operation's arrests are known", () => {
    const tf = patched({
      operations: [
        {
          name: "Example Sting",
          date: "2023-06-01",
          type: "sting-selling-sex",
          officers_deployed: 30,
          arrests: { total: 12, selling_sex: 12, trafficking: 0 },
          minors: { arrested: "unknown" },
          referred_to_services: 2,
          services_conditional_on_arrest: "unknown",
          sources: ["example-news"],
        },
      ],
    });
    const card = score(tf, r);
    const moved = card.criteria
      .filter((c) => c.status !== "unknown")
      .map((c) => c.id)
      .sort();
    // The selling-sex arrests move the stings criterion; the total and 0 trafficking arrests move the share. Nothing else.
    expect(moved).toEqual(["no-sex-trade-stings", "trafficking-arrest-share"]);
  });
});

describe("how sure the grade is", () => {
  it("flags a grade that rests on news alone", () => {
    const tf = valid("x.yaml", readFileSync(fixture("evidence", "incomplete-list-with-count.yaml"), "utf8"));
    const card = score(tf, r);
    expect(card.confidence.secondHand.criteria.length).toBeGreaterThan(0);
    expect(card.confidence.withoutSecondHand.scoredMaxPoints).toBeLessThan(card.scoredMaxPoints);
    expect(card.confidence.fragile).toBe(card.confidence.withoutSecondHand.grade !== card.grade);
  });
});
