import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/pipeline.ts";
import { fixture } from "../helpers.ts";

// Each invalid fixture declares, in its header, every problem it must produce:
//   # expect: <code> <line>:<col> [text found at that position]
// The test checks the list exactly, and that the position really holds that text,
// so that a fixture cannot silently drift from what it claims to test.
const TODAY = "2026-11-29";
const DIR = fixture("invalid");
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

interface Expectation {
  code: string;
  line: number;
  col: number;
  text: string | undefined;
}

function expectations(text: string): Expectation[] {
  return [...text.matchAll(/^# expect: (\S+) (\d+):(\d+)(?: (.+?))?\r?$/gm)].map((m) => ({
    code: m[1]!,
    line: Number(m[2]),
    col: Number(m[3]),
    text: m[4],
  }));
}

describe("invalid fixtures", () => {
  it("has a corpus of at least 30 fixtures, each declaring what it expects", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(expectations(readFileSync(`${DIR}/${f}`, "latin1")), f).not.toHaveLength(0);
  });

  it("covers at least 30 distinct error codes or positions that fail a file", () => {
    const failing = files.filter((f) => {
      const text = readFileSync(`${DIR}/${f}`, "utf8");
      return check(f, text, TODAY).problems.some((p) => p.severity === "error");
    });
    expect(failing.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)("%s gives exactly the expected problems at the expected line:col", (name) => {
    const text = readFileSync(`${DIR}/${name}`, "utf8");
    const expected = expectations(text);
    const { problems } = check(name, text, TODAY);
    const got = problems.map((p) => ({ code: p.code, line: p.line, col: p.col }));
    expect(got).toEqual(expected.map(({ code, line, col }) => ({ code, line, col })));
    const lines = text.split(/\r?\n/);
    for (const e of expected) {
      if (e.text !== undefined)
        expect(lines[e.line - 1]?.slice(e.col - 1), `${name} ${e.line}:${e.col}`).toMatch(
          new RegExp(`^${e.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
        );
    }
    for (const p of problems) {
      expect(p.file).toBe(name);
      expect(p.message.length).toBeGreaterThan(20);
      expect(p.message).not.toMatch(/\n|\[object|undefined|NaN|at \S+ \(/);
    }
  });
});
