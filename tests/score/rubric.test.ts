import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "yaml";
import { UserError } from "../../src/errors.ts";
import { checkRubric, parseRubric } from "../../src/score/rubric.ts";
import { RUBRIC_TEXT } from "./helpers.ts";

const FILE = "rubric/rubric.yaml";
const problems = (text: string) => checkRubric(FILE, text).problems;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("the rubric file", () => {
  it("passes its own schema and checks", () => {
    expect(problems(RUBRIC_TEXT)).toEqual([]);
  });

  it("cites original publications only, never a local file", () => {
    const r = parseRubric(RUBRIC_TEXT);
    for (const c of r.criteria) {
      expect(c.citations.length, c.id).toBeGreaterThan(0);
      for (const cite of c.citations) {
        expect(JSON.stringify(cite)).not.toMatch(/shared|\/work|file:|\.txt|\.md/);
        if (cite.url) expect(cite.url).toMatch(/^https:\/\//);
      }
    }
    expect(RUBRIC_TEXT).not.toMatch(/\/work\/shared|sources\/README/);
  });

  it("documents ties, rounding and unknown data, and has a version", () => {
    const r = parseRubric(RUBRIC_TEXT);
    expect(r.version).toMatch(/\S/);
    expect(r.grading.ties).toMatch(/boundary/);
    expect(r.grading.rounding).toMatch(/rounded down/);
    expect(r.grading.unknown).toMatch(/Incomplete/);
  });
});

describe("a broken rubric is reported as file:line:col, in plain words", () => {
  const cases: { name: string; edit: (t: string) => string; at: string; message: RegExp }[] = [
    {
      name: "a weight written as words",
      edit: (t) => t.replace("weight: 8\n", "weight: eight\n"),
      at: "weight: eight",
      message: /weight must be a number, not 'eight'/,
    },
    { name: "a negative weight", edit: (t) => t.replace("weight: 8\n", "weight: -3\n"), at: "weight: -3", message: /weight/ },
    {
      name: "a misspelt field",
      edit: (t) => t.replace("    question: What share", "    questoin: What share"),
      at: "questoin",
      message: /unknown field 'questoin'.*did you mean 'question'/,
    },
    {
      name: "a criterion the tool does not know",
      edit: (t) => t.replace("id: law-enforcement-share", "id: law-enforcment-share"),
      at: "law-enforcment-share",
      message: /no criterion called 'law-enforcment-share'\. Did you mean 'law-enforcement-share'/,
    },
    {
      name: "the same criterion twice",
      edit: (t) => t.replace("id: victim-service-co-lead", "id: law-enforcement-share"),
      at: "id: law-enforcement-share\n    category: composition\n    title: A victim",
      message: /listed twice/,
    },
    {
      name: "a threshold written as words",
      edit: (t) => t.replace("met_at_most: 0.5", 'met_at_most: "half"'),
      at: 'met_at_most: "half"',
      message: /met_at_most must be a number/,
    },
    {
      name: "an unknown param",
      edit: (t) => t.replace("met_at_most: 0.5", "met_at_most: 0.5\n      met_at_mots: 1"),
      at: "met_at_mots",
      message: /unknown field 'met_at_mots'/,
    },
    {
      name: "thresholds the wrong way round",
      edit: (t) => t.replace("partly_met_at_most: 0.67", "partly_met_at_most: 0.3"),
      at: "partly_met_at_most: 0.3",
      message: /must be at least met_at_most/,
    },
    {
      name: "grades out of order",
      edit: (t) => t.replace("{ grade: B, min_percent: 80 }", "{ grade: B, min_percent: 95 }"),
      at: "min_percent: 95",
      message: /highest min_percent to the lowest/,
    },
    {
      name: "no grade at 0",
      edit: (t) => t.replace("{ grade: F, min_percent: 0 }", "{ grade: F, min_percent: 10 }"),
      at: "min_percent: 10",
      message: /must have min_percent: 0/,
    },
    {
      name: "an unknown category",
      edit: (t) => t.replace("category: equity", "category: fairness"),
      at: "category: fairness",
      message: /category must be one of/,
    },
    {
      name: "a citation address that is not a web address",
      edit: (t) => t.replace("url: https://ovc.ojp.gov/faq/list?page=2", "url: javascript:alert(1)"),
      at: "javascript:alert",
      message: /url is not in the right form/,
    },
    {
      name: "no version",
      edit: (t) => t.replace(/version: "[^"]+"\n/, ""),
      at: "title: Task Force Accountability Rubric",
      message: /missing the required field 'version'/,
    },
    {
      name: "a tab for indentation",
      edit: (t) => t.replace("  min_coverage: 0.5", "\tmin_coverage: 0.5"),
      at: "\tmin_coverage",
      message: /tab/,
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const text = c.edit(RUBRIC_TEXT);
      expect(text, "the edit applied").not.toBe(RUBRIC_TEXT);
      const found = problems(text);
      expect(found.length).toBeGreaterThan(0);
      const hit = found.find((p) => c.message.test(p.message));
      expect(hit, found.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n")).toBeDefined();
      expect(hit!.file).toBe(FILE);
      expect(hit!.line).toBe(lineOf(text, c.at));
      expect(hit!.message).not.toMatch(/instancePath|#\/|must NOT|undefined/);
    });
  }

  it("reports an empty file and YAML syntax errors without throwing", () => {
    expect(problems("")[0]).toMatchObject({ line: 1, col: 1, code: "yaml-empty" });
    expect(problems("version: [\n")[0]).toMatchObject({ file: FILE, code: "yaml-syntax" });
    expect(problems("- just\n- a list\n")[0]!.message).toMatch(/a rubric file is a set of fields/);
    expect(problems("")[0]!.message).toMatch(/rubric file is empty/);
  });

  it("refuses alias bombs", () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' +
      Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ).join("\n") +
      "\n";
    expect(problems(bomb)[0]!.code).toBe("yaml-alias-limit");
  });

  it("throws a UserError (exit 1, not a bug) that lists every problem", () => {
    const text = RUBRIC_TEXT.replace("weight: 8\n", "weight: eight\n").replace("category: equity", "category: fairness");
    let error: unknown;
    try {
      parseRubric(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/the rubric file has 2 problems/);
    expect((error as UserError).message).toMatch(/rubric\/rubric\.yaml:\d+:\d+: weight must be a number/);
    expect((error as UserError).problems).toHaveLength(2);
  });

  it("never crashes, whatever a careless editor does to the structure", () => {
    const base = parse(RUBRIC_TEXT) as Record<string, unknown>;
    const keys = ["version", "grading", "criteria", "categories", "title"];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), fc.nat(16), fc.anything(), (key, value, index, inner) => {
        const broken: Record<string, unknown> = structuredClone(base);
        broken[key] = value;
        const crits = base.criteria as Record<string, unknown>[];
        const copy = structuredClone(crits);
        if (copy[index]) copy[index] = { ...copy[index], params: inner, weight: inner };
        for (const data of [broken, { ...base, criteria: copy }]) {
          const result = checkRubric(FILE, JSON.stringify(data));
          expect(result.rubric === undefined).toBe(result.problems.length > 0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
