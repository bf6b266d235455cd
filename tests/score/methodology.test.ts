import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { methodologyMarkdown } from "../../src/score/methodology.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { ROOT, RUBRIC_TEXT, rubric } from "./helpers.ts";

describe("docs/methodology.md", () => {
  it("is up to date with rubric/rubric.yaml (run `npm run docs:methodology` if this fails)", () => {
    expect(readFileSync(join(ROOT, "docs", "methodology.md"), "utf8")).toBe(methodologyMarkdown(rubric()));
  });

  it("shows the version, every criterion with its weight, question and sources, and the grading rules", () => {
    const r = rubric();
    const md = methodologyMarkdown(r);
    expect(md).toContain(`Rubric version **${r.version}**`);
    for (const c of r.criteria) {
      expect(md).toContain(`Id \`${c.id}\`. Weight ${c.weight} of 100 points.`);
      expect(md).toContain(c.question);
      for (const cite of c.citations) if (cite.url) expect(md).toContain(`<${cite.url}>`);
    }
    expect(md).toMatch(/\*\*Rounding\.\*\*/);
    expect(md).toMatch(/\*\*Ties\.\*\*/);
    expect(md).toContain("| Incomplete | coverage below 50%");
  });

  it("follows the rubric: a changed weight changes the document", () => {
    const edited = methodologyMarkdown(parseRubric(RUBRIC_TEXT.replace(/(id: right-of-reply[\s\S]*?\n {4}weight: )3\n/, "$14\n")));
    expect(edited).toContain("Id `right-of-reply`. Weight 4 of 101 points.");
  });

  it("cannot be made to carry HTML or break a table from the rubric's text", () => {
    const r = rubric();
    const hostile = { ...r, criteria: r.criteria.map((c, i) => (i === 0 ? { ...c, title: "Bad | <script>alert(1)</script>" } : c)) };
    const md = methodologyMarkdown(hostile);
    expect(md).not.toContain("<script>");
    expect(md).toContain("Bad \\| &lt;script&gt;");
  });
});
