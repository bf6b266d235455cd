// Invisible characters that would make printed text read differently from what it is are
// errors at their own line and column; the joiners and selectors that scripts need are not.
// Every name here is fictional ("Example County Task Force" and the like).
import { describe, expect, it } from "vitest";
import { load } from "../../src/load/load.ts";
import { check } from "../../src/pipeline.ts";
import { bundledCoverage } from "../../src/render/fonts-coverage.ts";
import { fontCoverageChecks } from "../../src/validate/font-coverage.ts";
import { formatCharacter, visibleText } from "../../src/validate/format-characters.ts";
import { invisibleCharacterChecks, MAX_PER_VALUE } from "../../src/validate/invisible-characters.ts";
import { clip } from "../../src/validate/messages.ts";
import { readFixture } from "../helpers.ts";

const TODAY = "2026-11-29";
const problems = (text: string) => invisibleCharacterChecks(load("t.yaml", text));
/** The characters reported in a one-line note, as U+ labels. */
const reported = (note: string) => problems(`note: "${note}"\n`).map((p) => /U\+[0-9A-F]+/.exec(p.message)![0]);
/** A direction control, raw, anywhere in a message would reorder the terminal's own line. */
const RAW_CONTROL = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;

describe("the table of format characters", () => {
  it("covers every Default_Ignorable_Code_Point, and beyond them only the annotation controls", () => {
    const ignorable = /\p{Default_Ignorable_Code_Point}/u;
    const extra: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const inTable = formatCharacter(cp) !== undefined;
      const di = ignorable.test(String.fromCodePoint(cp));
      if (di) expect(inTable, cp.toString(16)).toBe(true);
      else if (inTable) extra.push(cp);
    }
    expect(extra).toEqual([0xfff9, 0xfffa, 0xfffb]);
  });

  it("names each character as Unicode does", () => {
    expect(formatCharacter(0x202e)?.name).toBe("RIGHT-TO-LEFT OVERRIDE");
    expect(formatCharacter(0xfe0f)?.name).toBe("VARIATION SELECTOR-16");
    expect(formatCharacter(0xe0100)?.name).toBe("VARIATION SELECTOR-17");
    expect(formatCharacter(0xe0041)?.name).toBe("TAG LATIN CAPITAL LETTER A");
    expect(formatCharacter(0xe0033)?.name).toBe("TAG DIGIT THREE");
    expect(formatCharacter(0x206d)?.name).toBe("ACTIVATE ARABIC FORM SHAPING");
    for (const cp of [0x41, 0x20, 0x0627, 0x0915, 0x200a, 0x2028, 0x1f600]) expect(formatCharacter(cp), cp.toString(16)).toBeUndefined();
  });

  it("shows controls in quoted text as <U+202E>, but leaves joiners, which only shape letters", () => {
    expect(visibleText("Example Coun\u202Ety")).toBe("Example Coun<U+202E>ty");
    expect(visibleText("ایرانی\u200cتبار")).toBe("ایرانی\u200cتبار");
    expect(clip("na\u202Eme")).toBe("na<U+202E>me");
  });
});

describe("invisibleCharacterChecks", () => {
  it("reports U+202E in the name at its own column, naming it and what it does", () => {
    const found = problems("# FICTIONAL\nname: Example Coun\u202Ety Task Force\n");
    expect(found).toMatchObject([{ file: "t.yaml", line: 2, col: 19, code: "character-invisible", severity: "error" }]);
    expect(found[0]!.message).toBe(
      "name contains an invisible control character, U+202E (RIGHT-TO-LEFT OVERRIDE), after 'Example Coun': it makes the text that follows display reversed, so the name would read differently from what it is. Delete it: retype the name without copying it from elsewhere.",
    );
  });

  it("points at the escape that writes one, and counts each escape in order", () => {
    const found = problems('name: "Example \\u202ECounty"\nnote: "a\\u2066b\\U00002069 \\\\u2068 \\xAD"\n');
    expect(found.map((p) => [p.line, p.col])).toEqual([
      [1, 16],
      [2, 9],
      [2, 16],
      [2, 35],
    ]);
    expect(found[0]!.message).toMatch(/U\+202E \(RIGHT-TO-LEFT OVERRIDE\).*It is written as the escape \\u202E: delete that escape\.$/);
    expect(found[2]!.message).toContain("the escape \\U00002069");
    expect(found[3]!.message).toContain("U+00AD (SOFT HYPHEN)");
  });

  it("reports each of the isolates and the other direction controls", () => {
    expect(reported("x\u2066y\u2067z\u2068w\u2069 \u202Aa\u202Bb\u202Cc\u202Dd")).toEqual([
      "U+2066",
      "U+2067",
      "U+2068",
      "U+2069",
      "U+202A",
      "U+202B",
      "U+202C",
      "U+202D",
    ]);
  });

  it("treats the marks as errors too: the scorecard isolates names itself", () => {
    expect(reported("Example\u200E County\u200F, \u061C3")).toEqual(["U+200E", "U+200F", "U+061C"]);
  });

  it("reports invisible spaces and blanks: zero-width space, word joiner, byte order mark inside a value, soft hyphen, fillers", () => {
    expect(reported("a\u200Bb\u2060c\uFEFFd\u00ADe\u180Ef\u3164g\u2062h\u034Fi")).toEqual([
      "U+200B",
      "U+2060",
      "U+FEFF",
      "U+00AD",
      "U+180E",
      "U+3164",
      "U+2062",
      "U+034F",
    ]);
    // The byte order mark that starts a file is not in any value.
    expect(problems("\uFEFFname: Example County Task Force\n")).toEqual([]);
  });

  it("reports a zero-width space in a member's name, with the member's place in the list", () => {
    const found = problems("membership:\n  members:\n    - name: Example Police\n    - name: Example Out\u200Breach\n");
    expect(found).toMatchObject([{ line: 4, col: 24 }]);
    expect(found[0]!.message).toMatch(
      /^membership\.members\[1\]\.name contains an invisible character, U\+200B \(ZERO WIDTH SPACE\), after 'Example Out': .*retype the name/,
    );
  });

  // Joiners: needed between two letters of a script that uses them, nowhere else (a table, as eslint's RuleTester).
  const allowedJoiners = [
    ["a Farsi non-joiner", "انجمن ایرانی\u200cتبار"],
    ["a Farsi non-joiner in a verb", "می\u200cخواهم"],
    ["an Arabic joiner after a vowel mark", "بَ\u200dب"],
    ["a Devanagari conjunct", "क्\u200dष"],
    ["a Devanagari half form", "नमस्\u200dते"],
    ["a Sinhala conjunct", "ශ්\u200dරී"],
    ["a Khmer joiner", "ក\u200dខ"],
    ["an emoji sequence", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"],
    ["an emoji sequence with a skin tone", "\u{1F469}\u{1F3FD}\u200D\u{1F4BB}"],
  ] as const;
  it.each(allowedJoiners)("allows %s", (_, text) => {
    expect(reported(text)).toEqual([]);
  });

  const strayJoiners = [
    ["a joiner in an English word", "Exam\u200dple", ["U+200D"]],
    ["a non-joiner in a Spanish word", "Condado de Ejemp\u200clo", ["U+200C"]],
    ["a joiner at the start", "\u200dانجمن", ["U+200D"]],
    ["a non-joiner at the end", "انجمن\u200c", ["U+200C"]],
    ["a non-joiner beside a space", "انجمن \u200cتبار", ["U+200C"]],
    ["a joiner beside punctuation", "क्\u200d, ष", ["U+200D"]],
    ["a joiner between two scripts", "ب\u200dx", ["U+200D"]],
    ["a joiner after an accented Latin letter", "e\u0301\u200dx", ["U+200D"]],
    ["two non-joiners in a row", "ب\u200c\u200cب", ["U+200C", "U+200C"]],
  ] as const;
  it.each(strayJoiners)("reports %s", (_, text, expected) => {
    expect(reported(text)).toEqual(expected);
  });

  it("allows one variation selector after a character that has variants, and no other", () => {
    expect(reported("\u845B\u{E0100} \u8FBB\uFE00 \u2665\uFE0F \u2764\uFE0E 1\uFE0F\u20E3")).toEqual([]);
    expect(reported("x\uFE0F \uFE0Fa \u845B\u{E0100}\u{E0101} a\u{E0100} \u2665\uFE0F\uFE0F")).toEqual([
      "U+FE0F",
      "U+FE0F",
      "U+E0101",
      "U+E0100",
      "U+FE0F",
    ]);
  });

  it("allows tag letters only inside a flag, and names the letter they hide", () => {
    const flag = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    expect(reported(flag)).toEqual([]);
    const hidden = problems(`note: "Example${String.fromCodePoint(0xe0068, 0xe0069)}"\n`);
    expect(hidden.map((p) => p.col)).toEqual([15, 17]);
    expect(hidden[0]!.message).toContain("U+E0068 (TAG LATIN SMALL LETTER H)");
    expect(hidden[0]!.message).toContain("a hidden copy of 'h'");
    // A flag's tags that run on (here eight letters) are hidden text, and so is a cancel tag alone.
    expect(reported(`\u{1F3F4}${String.fromCodePoint(...Array.from("abcdefgh", (c) => 0xe0000 + c.charCodeAt(0)))}\u{E007F}`)).toHaveLength(
      9,
    );
    expect(reported("x\u{E007F}")).toEqual(["U+E007F"]);
  });

  it("locates characters in block text, in lists and in single quotes, and skips a block's header comment", () => {
    expect(problems("note: | # \u202E in the comment\n  first line\n  and \u202E here\n")).toMatchObject([{ line: 3, col: 7 }]);
    expect(problems("list: [ok, 'Ex\u200Bample', \"also\u2060\"]\n").map((p) => [p.line, p.col])).toEqual([
      [1, 15],
      [1, 29],
    ]);
    expect(problems("note: >\n  folded\n  x\u202Ey\n")).toMatchObject([{ line: 3, col: 4 }]);
  });

  it("checks values only: field names and comments are never printed", () => {
    expect(problems("# Example \u202E comment\nna\u202Eme: Example County\n")).toEqual([]);
  });

  it("reports every occurrence, up to a limit per value, then counts the rest", () => {
    const found = problems(`note: ${"x\u200B".repeat(300)}\n`);
    expect(found).toHaveLength(MAX_PER_VALUE + 1);
    expect(found.slice(0, MAX_PER_VALUE).map((p) => p.col)).toEqual(Array.from({ length: MAX_PER_VALUE }, (_, i) => 8 + 2 * i));
    expect(found[MAX_PER_VALUE]).toMatchObject({ line: 1, col: 8 + 2 * MAX_PER_VALUE, code: "character-invisible" });
    expect(found[MAX_PER_VALUE]!.message).toMatch(/^note contains 290 more invisible characters from here on \(U\+200B\)\. Delete them/);
  });

  it("never puts a raw control into its own messages", () => {
    const found = problems(`note: "\u202E\u2066\u200B\uFEFF\u200E${String.fromCodePoint(0xe0041)}\uFFF9 x\u202Ey"\n`);
    expect(found.length).toBe(8);
    for (const p of found) expect(p.message).not.toMatch(RAW_CONTROL);
  });
});

describe("invisible characters in a whole file", () => {
  const valid = readFixture("valid", "example-county.yaml");

  it("stop the file: no task force is handed on, with or without --strict", () => {
    const bad = valid.replace(/^name: (.*)$/m, "name: $1\u202E");
    expect(bad).not.toBe(valid);
    for (const strict of [false, true]) {
      const result = check("bad.yaml", bad, TODAY, { strict });
      expect(result.taskForce).toBeUndefined();
      expect(result.problems.filter((p) => p.code === "character-invisible")).toHaveLength(1);
    }
  });

  it("are found in every printed field: member names, notes, quotes, source titles and publishers", () => {
    const { problems: found } = check("many.yaml", readFixture("invalid", "invisible-several.yaml"), TODAY);
    const fields = found.filter((p) => p.code === "character-invisible").map((p) => p.message.split(" contains ")[0]);
    expect(new Set(fields)).toEqual(
      new Set(["name", "membership.members[0].note", "membership.members[1].note", "operations[0].name", "sources[0].title"]),
    );
    const quoted = check("q.yaml", readFixture("invalid", "invisible-zero-width.yaml"), TODAY).problems.map(
      (p) => p.message.split(" contains ")[0],
    );
    expect(quoted).toEqual([
      "membership.members[1].name",
      "policies.non_arrest_of_people_selling_sex.sources[0].quote",
      "sources[0].publisher",
    ]);
  });

  it("leave the names that need joiners valid", () => {
    const joined = valid.replace(/^name: .*$/m, "name: انجمن ایرانی\u200cتبار नमस्\u200dते Example County Task Force");
    const result = check("joined.yaml", joined, TODAY);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.taskForce?.name).toContain("\u200c");
    const { problems: scripts } = check("many-scripts.yaml", readFixture("render", "many-scripts.yaml"), TODAY);
    expect(scripts.filter((p) => p.code === "character-invisible")).toEqual([]);
  });

  it("report an annotation control once, as invisible, though no font has it either", () => {
    const text = valid.replace(/^name: (.*)$/m, "name: $1 \uFFF9x\uFFFAy\uFFFB");
    const codes = check("a.yaml", text, TODAY)
      .problems.filter((p) => p.severity === "error")
      .map((p) => p.code);
    expect(codes).toEqual(["character-invisible", "character-invisible", "character-invisible"]);
    // The font check alone still says that no font has it.
    expect(fontCoverageChecks(load("a.yaml", text), bundledCoverage()).map((p) => p.code)).toEqual([
      "character-unprintable",
      "character-unprintable",
      "character-unprintable",
    ]);
  });

  it("in a field name give an unknown-field error that shows the control, and nothing crashes", () => {
    const text = valid.replace(/^name: /m, "na\u202Eme: ");
    const { problems: found, taskForce } = check("k.yaml", text, TODAY);
    expect(taskForce).toBeUndefined();
    expect(found.map((p) => p.code)).toContain("schema-unknown-field");
    expect(found.find((p) => p.code === "schema-unknown-field")!.message).toContain("'na<U+202E>me'");
    for (const p of found) expect(p.message).not.toMatch(RAW_CONTROL);
  });
});
