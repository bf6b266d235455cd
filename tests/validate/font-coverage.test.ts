// Characters that no bundled font has are errors at the line and column where they are written.
import { describe, expect, it } from "vitest";
import { load } from "../../src/load/load.ts";
import { bundledCoverage } from "../../src/render/fonts-coverage.ts";
import { fontCoverageChecks } from "../../src/validate/font-coverage.ts";
import { check } from "../../src/pipeline.ts";
import { readFixture } from "../helpers.ts";

const problems = (text: string) => fontCoverageChecks(load("t.yaml", text), bundledCoverage());

describe("fontCoverageChecks", () => {
  it("accepts names in every script of Los Angeles County", () => {
    const { problems: found } = check("many-scripts.yaml", readFixture("render", "many-scripts.yaml"), "2030-01-01");
    expect(found.filter((p) => p.code === "character-unprintable")).toEqual([]);
  });

  it("names the character, its code and what it is, at its own column", () => {
    const [p] = problems("name: Example 𓀀 County\n");
    expect(p).toMatchObject({ file: "t.yaml", line: 1, col: 15, code: "character-unprintable", severity: "error" });
    expect(p!.message).toContain("'𓀀' (U+13000, a character of the Egyptian Hieroglyphs script)");
    expect(problems("note: 'ok 😀'\n")[0]!.message).toContain("U+1F600, an emoji");
  });

  it("points at a value written as an escape, and at each line of a block of text", () => {
    expect(problems('name: "\\U00013000"\n')[0]).toMatchObject({ line: 1, col: 7 });
    expect(problems("note: |\n  fine\n  and 𐀀 here\n")[0]).toMatchObject({ line: 3, col: 7 });
  });

  it("reports a character once per value, and each value that has it", () => {
    expect(problems("a: 𐀀 𐀀\nb: 𐀀\n").map((p) => p.line)).toEqual([1, 2]);
  });

  it("says to write an ordinary space for a space no font has", () => {
    expect(problems("note: 10\u202fAM\n")[0]!.message).toMatch(/U\+202F, a special kind of space.*ordinary space/);
  });

  it("ignores field names, comments, joiners and accents written apart", () => {
    expect(problems("# 𓀀 in a comment\nname: انجمن ایرانی\u200cتبار\nvi: Nguye\u0302\u0303n\n")).toEqual([]);
  });
});
