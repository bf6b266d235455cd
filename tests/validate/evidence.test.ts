// Validation of the evidence rules (issue 10): quotes for real task forces, strict mode,
// policies from practice, inferred dates. Located problems, as every other check.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/pipeline.ts";
import { strictly } from "../../src/validate/validate.ts";
import { cli, readFixture, tempDir } from "../helpers.ts";
import { LA_FILE } from "../score/helpers.ts";
import { join } from "node:path";
import { writeFileSync } from "node:fs";

const LA = readFileSync(LA_FILE, "utf8");
const problems = (text: string, name = "scorecards/la.yaml") => check(name, text, "2026-12-01").problems;
const quoteWarnings = (text: string) => problems(text).filter((p) => p.code === "quote-missing");

describe("quotes", () => {
  it("warns once more for each quote removed from the LA file, at the citation, naming it", () => {
    const before = quoteWarnings(LA);
    const quotes = [...LA.matchAll(/\n( +)quote: /g)];
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    for (const q of quotes) {
      // Remove this one quote (and any folded lines that belong to it).
      const start = q.index;
      const indent = q[1]!.length;
      let end = LA.indexOf("\n", start + 1);
      while (end !== -1 && new RegExp(`^ {${indent + 1},}\\S`).test(LA.slice(end + 1, LA.indexOf("\n", end + 1))))
        end = LA.indexOf("\n", end + 1);
      const edited = LA.slice(0, start) + LA.slice(end);
      const after = quoteWarnings(edited);
      expect(after.length, `removing the quote at offset ${start}`).toBe(before.length + 1);
      const added = after.find((p) => !before.some((b) => b.message === p.message && b.line === p.line))!;
      expect(added.message).toMatch(/the citation of '[a-z0-9-]+' for \S+ carries no quote/);
    }
  });

  it("does not ask fictional files for quotes", () => {
    expect(quoteWarnings(readFixture("valid", "example-county.yaml"))).toEqual([]);
  });

  it("turns warnings into errors under --strict, and exits 1 with file:line:col", async () => {
    const strictProblems = strictly(check("la.yaml", LA, "2026-12-01")).problems;
    expect(strictProblems.every((p) => p.severity === "error")).toBe(true);
    const dir = tempDir();
    const file = join(dir, "la.yaml");
    writeFileSync(file, LA);
    const plain = await cli(["validate", file]);
    expect(plain.code).toBe(0);
    const strict = await cli(["validate", "--strict", file]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/la\.yaml:\d+:\d+: the citation of '[a-z0-9-]+' .* carries no quote/);
    expect(strict.stdout + strict.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/);
  });

  it("accepts a citation as a section with source, quote, page and section, and locates a typo in it", () => {
    const edited = LA.replace(
      "        - source: scvnews-2016\n          quote: 18 governmental",
      '        - source: scvnews-2016\n          page: "3"\n          quote: 18 governmental',
    );
    expect(problems(edited).filter((p) => p.severity === "error")).toEqual([]);
    const typo = LA.replace(
      "        - source: scvnews-2016\n          quote: 18 governmental",
      "        - source: scvnews-2016\n          qoute: 18 governmental",
    );
    const errors = problems(typo).filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/unknown field 'qoute'.*did you mean 'quote'/);
  });
});

describe("practice is not policy", () => {
  it("warns when a policy rests only on an op-ed", () => {
    const edited = LA.replace(
      "  non_arrest_of_people_selling_sex:\n    status: unknown",
      '  non_arrest_of_people_selling_sex:\n    status: "no"\n    sources: [op-ed-2018]',
    );
    const found = problems(edited).filter((p) => p.code === "policy-from-practice");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/what one operation did is a practice/);
  });
});

describe("inferred dates", () => {
  it("asks how an inferred date was worked out, at date_basis", () => {
    const op = (extra: string) =>
      readFixture("score", "blank.yaml").replace(
        "operations: []",
        `operations:\n  - name: Example Sting\n    date: 2023-06-01\n    date_basis: year-inferred\n    type: sting-selling-sex\n    officers_deployed: 5\n    arrests: { total: 2 }\n    referred_to_services: 0\n    services_conditional_on_arrest: unknown\n    sources: [example-news]\n${extra}`,
      );
    const without = check("x.yaml", op(""), "2026-12-01").problems.filter((p) => p.code === "inferred-unexplained");
    expect(without).toHaveLength(1);
    expect(without[0]).toMatchObject({ line: 25, col: 17, severity: "warning" });
    const withNote = check(
      "x.yaml",
      op("    note: The source names Tuesday, 1 June; that fell on a Tuesday in 2023.\n"),
      "2026-12-01",
    ).problems.filter((p) => p.code === "inferred-unexplained");
    expect(withNote).toEqual([]);
  });
});
