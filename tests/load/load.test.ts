import { describe, expect, it } from "vitest";
import { load, locate, positionIn, MAX_ALIAS_COUNT, MAX_FILE_CHARS } from "../../src/load/load.ts";
import { check } from "../../src/pipeline.ts";
import { readFixture } from "../helpers.ts";

const codes = (text: string) => load("f.yaml", text).problems.map((p) => `${p.code} ${p.line}:${p.col}`);

/** The classic "billion laughs": each level repeats the one before it nine times. */
function billionLaughs(levels: number): string {
  let text = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let i = 1; i <= levels; i++)
    text += `a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(", ")}]\n`;
  return text;
}

describe("load", () => {
  it("reads a valid file into plain data with no problems", () => {
    const loaded = load("ok.yaml", readFixture("valid", "example-county.yaml"));
    expect(loaded.problems).toEqual([]);
    expect(loaded.data).toMatchObject({ schema_version: 1, name: "Example County Task Force" });
  });

  it("keeps dates and yes/no as text (YAML 1.2), so that `unknown` stays distinct from no and 0", () => {
    expect(load("f", "d: 2018-08-21\nv: yes\nn: no\nu: unknown\nz: 0\n").data).toEqual({
      d: "2018-08-21",
      v: "yes",
      n: "no",
      u: "unknown",
      z: 0,
    });
  });

  it("stops alias bombs of every size at the first alias, without expanding them", () => {
    for (const levels of [3, 4, 9]) {
      expect(codes(billionLaughs(levels))).toEqual(["yaml-alias-limit 2:10"]);
    }
  });

  it("allows a few aliases, which are legitimate YAML", () => {
    const text = "s: &s [a, b]\n" + Array.from({ length: MAX_ALIAS_COUNT - 1 }, (_, i) => `k${i}: *s`).join("\n");
    expect(load("f", text).problems).toEqual([]);
  });

  it("refuses an alias that contains itself, which would never end", () => {
    expect(codes("a: &a [1, *a]\n")).toEqual(["yaml-alias-cycle 1:11"]);
    expect(codes("x: 1\nb: &b\n  c:\n    d: *b\n")).toEqual(["yaml-alias-cycle 4:8"]);
  });

  it("locates an alias whose anchor does not exist", () => {
    expect(codes("a: 1\nb: *missing\n")).toEqual(["yaml-alias-unresolved 2:4"]);
  });

  it("reports nesting deeper than any valid file, in flow and block style, without exhausting the stack", () => {
    expect(codes("a: " + "[".repeat(100_000) + "]".repeat(100_000))[0]).toMatch(/^yaml-too-deep 1:\d+$/);
    expect(codes("a: " + "{b: ".repeat(50) + "1" + "}".repeat(50))[0]).toMatch(/^yaml-too-deep 1:\d+$/);
    const block = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") + " 1\n";
    expect(codes(block)).toEqual(["yaml-too-deep 34:67"]);
  });

  it("reports huge keys and oversized files instead of working through them", () => {
    expect(codes("k".repeat(5000) + ": 1\n")).toEqual(["yaml-syntax 1:1"]);
    expect(codes('"' + "k".repeat(5000) + '": 1\n')).toEqual(["yaml-syntax 1:1"]);
    expect(codes("a: " + "x".repeat(MAX_FILE_CHARS))).toEqual(["file-too-large 1:1"]);
  });

  it("reports binary content and bytes that are not UTF-8 where they are", () => {
    expect(codes("name: ok\nnote: a\u0000b\n")).toEqual(["yaml-binary 2:8"]);
    expect(codes(Buffer.from([0x6e, 0x3a, 0x20, 0xff, 0xfe]).toString("utf8"))).toEqual(["yaml-binary 1:4"]);
    expect(load("f", "a: \u0007").problems[0]?.message).toMatch(/U\+0007/);
  });

  it("accepts a byte-order mark and Windows line endings", () => {
    expect(load("f", "\uFEFFname: x\r\nb: 2\r\n").data).toEqual({ name: "x", b: 2 });
    expect(codes("a: 1\r\nb: [\r\n")).toEqual(["yaml-syntax 3:1"]);
  });

  it("refuses tags that would build code, binary data, dates, sets or maps, and allows !!str", () => {
    expect(codes("a: !!js/function 'f'\n")).toEqual(["yaml-tag 1:4"]);
    expect(codes("a: !custom x\n")).toEqual(["yaml-tag 1:4"]);
    expect(codes("a: 1\nb: !!binary aGk=\n")).toEqual(["yaml-tag 2:4"]);
    expect(codes("a: !!timestamp 2001-12-14\n")).toEqual(["yaml-tag 1:4"]);
    expect(codes("a: !!set {x}\n")).toEqual(["yaml-tag 1:4"]);
    expect(codes("a: !!omap [b: 1]\n")).toEqual(["yaml-tag 1:4"]);
    expect(load("f", "date: !!str 2015\n").data).toEqual({ date: "2015" });
  });

  it("refuses keys that are lists or sections", () => {
    expect(codes("? [a, b]\n: 1\n")).toEqual(["yaml-complex-key 1:3"]);
    expect(codes("{x: 1}: 2\n")).toEqual(["yaml-complex-key 1:1"]);
  });

  it("does not let __proto__ change any object", () => {
    const loaded = load("f", "__proto__: { polluted: yes }\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(loaded.data as object)).toEqual(["__proto__"]);
  });

  it("reports empty files, lists and single values at the top", () => {
    for (const empty of ["", "\n\n", "# only a comment\n", "---\n", "~\n", "null\n"])
      expect(codes(empty), JSON.stringify(empty)).toEqual(["yaml-empty 1:1"]);
    expect(codes("# c\n- a\n")).toEqual(["yaml-not-a-map 2:1"]);
    expect(codes("42\n")).toEqual(["yaml-not-a-map 1:1"]);
    expect(codes('"just text"\n')).toEqual(["yaml-not-a-map 1:1"]);
  });

  it("reports a second document, duplicate keys and tabs, one problem per line", () => {
    expect(codes("a: 1\n---\nb: 2\n")).toEqual(["yaml-multiple-documents 2:1"]);
    expect(codes("a: 1\nb: 2\na: 3\n")).toEqual(["yaml-duplicate-key 3:1"]);
    expect(codes("a:\n\tb: 1\n")).toEqual(["yaml-tab 2:1"]);
  });

  it("points an unclosed quote at where it opens", () => {
    expect(codes('a: 1\nb: "open\nc: 2\nd: 3\n')).toEqual(["yaml-syntax 2:4"]);
    expect(codes("a: 1\nlist:\n  - 'open\n  - b\n")).toEqual(["yaml-syntax 3:5"]);
  });

  it("explains common syntax mistakes in plain words", () => {
    expect(load("f", "note: Police said: 70 officers\n").problems[0]?.message).toMatch(/Put the value in quotes/);
    expect(load("f", "a: [1, 2\nb: 3\n").problems[0]?.message).toMatch(/not closed properly/);
  });

  it("locates keys and values by path, falling back to the deepest part that exists", () => {
    const loaded = load("f", "a:\n  b:\n    - x: 1\n      y: two\n");
    expect(locate(loaded, ["a", "b", 0, "y"])).toEqual({ line: 4, col: 10 });
    expect(locate(loaded, ["a", "b", 0, "y"], "key")).toEqual({ line: 4, col: 7 });
    expect(locate(loaded, ["a", "b", 5, "z"])).toEqual({ line: 3, col: 5 });
    expect(locate(loaded, ["nope"])).toEqual({ line: 1, col: 1 });
  });

  it("counts positions from the text alone", () => {
    expect(positionIn("ab\ncd\nef", 0)).toEqual({ line: 1, col: 1 });
    expect(positionIn("ab\ncd\nef", 4)).toEqual({ line: 2, col: 2 });
    expect(positionIn("ab\ncd\nef", 6)).toEqual({ line: 3, col: 1 });
  });

  it("caps the problems of a file that is not a task force file at all, saying how many more there are", () => {
    const text =
      "# yaml-language-server: $schema=../schemas/task-force.schema.json\n" +
      Array.from({ length: 300 }, (_, i) => `field${i}: 1`).join("\n");
    const { problems } = check("f.yaml", text, "2026-01-01");
    expect(problems).toHaveLength(101);
    expect(problems[100]).toMatchObject({ code: "too-many-problems", severity: "error" });
    expect(problems[100]!.message).toMatch(/^and \d+ more problems/);
  });
});
