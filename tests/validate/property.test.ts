import { join } from "node:path";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, type Problem } from "../../src/errors.ts";
import { check } from "../../src/pipeline.ts";
import { readFixture } from "../helpers.ts";

// Whatever the input, validation ends in success or in located, plain problems: never a
// throw, never a hang (each test has a time limit), never a position outside the file.
const TODAY = "2026-11-29";
const ROOT = join(import.meta.dirname, "..", "..");
const VALID = readFixture("valid", "example-county.yaml");
const LA = readFileSync(join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml"), "utf8");
const KNOWN = new Set<string>(PROBLEM_CODES);

function assertWellFormed(text: string): Problem[] {
  const result = check("input.yaml", text, TODAY);
  const lines = text.split("\n").length;
  for (const p of result.problems) {
    expect(KNOWN.has(p.code), p.code).toBe(true);
    expect(p.file).toBe("input.yaml");
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines + 1);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.message).toMatch(/\S/);
    expect(p.message).not.toMatch(/\[object |undefined\b|\n/);
  }
  // A file passes only when it has no errors, and then its data is handed on.
  const errors = result.problems.filter((p) => p.severity === "error");
  expect(result.taskForce === undefined).toBe(errors.length > 0);
  expect(() => JSON.stringify(result.problems)).not.toThrow();
  return result.problems;
}

const YAML_BITS = [
  "a",
  "name",
  "sources",
  "operations",
  "total",
  ":",
  ": ",
  " ",
  "  ",
  "-",
  "- ",
  "\n",
  "\n  ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&x ",
  "*x",
  "&y ",
  "*y",
  "!!str ",
  "!!binary ",
  "!x ",
  '"',
  "'",
  "#",
  "\t",
  "---",
  "...",
  "<<: ",
  "? ",
  "|",
  ">",
  "%YAML 1.2",
  "yes",
  "no",
  "unknown",
  "0",
  "-1",
  "1e400",
  ".nan",
  "2018-08-21",
  "~",
  "null",
  "\u0000",
  "\uFEFF",
  "\r\n",
  "é",
  "__proto__",
];
const yamlSoup = fc.array(fc.constantFrom(...YAML_BITS), { maxLength: 80 }).map((parts) => parts.join(""));

/** One careless or hostile edit to an existing file. */
const edit = (text: string) => {
  const lines = text.split("\n");
  const line = fc.nat({ max: lines.length - 1 });
  const offset = fc.nat({ max: text.length });
  const junk = fc.oneof(fc.constantFrom(...YAML_BITS), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 }));
  return fc.oneof(
    line.map((i) => lines.filter((_, j) => j !== i).join("\n")), // delete a line
    line.map((i) => [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join("\n")), // duplicate a line
    fc.tuple(line, line).map(([i, j]) => {
      const l = [...lines];
      [l[i], l[j]] = [l[j]!, l[i]!];
      return l.join("\n");
    }), // swap lines
    fc.tuple(offset, junk).map(([o, s]) => text.slice(0, o) + s + text.slice(o)), // insert junk
    fc.tuple(offset, fc.nat({ max: 40 })).map(([o, n]) => text.slice(0, o) + text.slice(o + n)), // delete a run
    fc
      .tuple(line, fc.integer({ min: -4, max: 4 }))
      .map(([i, d]) => lines.map((l, j) => (j === i ? (d > 0 ? " ".repeat(d) + l : l.slice(-d)) : l)).join("\n")), // re-indent
    fc.tuple(line, junk).map(([i, s]) => lines.map((l, j) => (j === i ? l.replace(/:\s.*$/, `: ${s}`) : l)).join("\n")), // replace a value
    offset.map((o) => text.slice(0, o)), // truncate
  );
};
const mutated = (text: string) => edit(text).chain((once) => fc.oneof(fc.constant(once), edit(once)));

/** Replace one value deep inside the data with anything at all, then write it back as YAML. */
const dataMutation = fc.tuple(fc.nat(), fc.anything({ maxDepth: 3, withNullPrototype: false })).map(([pick, value]) => {
  const data = JSON.parse(JSON.stringify(check("v", VALID, TODAY).loaded.data)) as Record<string, unknown>;
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        slots.push([node, i]);
        collect(v);
      });
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, k]);
        collect(v);
      }
    }
  };
  collect(data);
  const [parent, key] = slots[pick % slots.length]!;
  (parent as Record<string | number, unknown>)[key] = value;
  return stringify(data);
});

const runs = { numRuns: 300 };

describe("validate never throws and always locates (property-based)", () => {
  it("on random text of any characters", { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => void assertWellFormed(t)),
      runs,
    );
  });

  it("on random YAML-like token soup", { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(yamlSoup, (t) => void assertWellFormed(t)),
      runs,
    );
  });

  it("on mutations of the valid fixture", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(mutated(VALID), (t) => void assertWellFormed(t)),
      runs,
    );
  });

  it("on mutations of the LA scorecard", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(mutated(LA), (t) => void assertWellFormed(t)),
      runs,
    );
  });

  it("on the valid data with any value put anywhere", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(dataMutation, (t) => void assertWellFormed(t)),
      runs,
    );
  });

  it("on any JSON value written as YAML", { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => void assertWellFormed(stringify(v))),
      runs,
    );
  });

  it("still passes the valid fixture when only comments and blank lines are added", { timeout: 20_000 }, () => {
    const lines = VALID.split("\n");
    fc.assert(
      fc.property(fc.nat({ max: lines.length - 1 }), fc.constantFrom("", "# a comment", "   # indented comment"), (i, extra) => {
        if (/^\s+\S/.test(lines[i + 1] ?? "") && extra === "") return; // a blank line inside a block is still fine, but keep it simple
        const text = [...lines.slice(0, i + 1), extra, ...lines.slice(i + 1)].join("\n");
        expect(assertWellFormed(text).filter((p) => p.severity === "error")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("classic YAML attacks end in located errors", () => {
  const bombs: Record<string, string> = {
    "billion laughs": Array.from({ length: 10 }, (_, i) =>
      i === 0
        ? 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
        : `a${i}: &a${i} [${Array(9)
            .fill(`*a${i - 1}`)
            .join(",")}]`,
    ).join("\n"),
    "quadratic blow-up": `a: &a "${"x".repeat(50_000)}"\nb: [${Array(500).fill("*a").join(",")}]\n`,
    "deep flow nesting": "a: " + "[".repeat(200_000) + "]".repeat(200_000),
    "deep map nesting": "a: " + "{b: ".repeat(100_000) + "1" + "}".repeat(100_000),
    "deep block nesting": Array.from({ length: 600 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1",
    "nested dashes": "- ".repeat(200_000) + "x",
    "huge plain key": "k".repeat(900_000) + ": 1",
    "huge quoted key": `"${"k".repeat(900_000)}": 1`,
    "many keys": Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join("\n"),
    "self-referencing alias": "a: &a\n  b: *a\n",
    "unclosed everything": "{[{[\"'",
    "only a directive": "%YAML 1.2\n",
  };
  it.each(Object.entries(bombs))("%s", { timeout: 5_000 }, (_name, text) => {
    const problems = assertWellFormed(text);
    expect(problems.filter((p) => p.severity === "error").length).toBeGreaterThan(0);
  });
});
