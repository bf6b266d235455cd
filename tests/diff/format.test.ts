import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compare } from "../../src/diff/compare.ts";
import { diffData, pathLabel, undo } from "../../src/diff/data-diff.ts";
import { COMMENT_MARKER, escapeMarkdown, formatJson, formatMarkdown, formatText, scoreLine } from "../../src/diff/format.ts";
import { commentBody, MAX_COMMENT } from "../../src/diff/github.ts";
import { messagesFor } from "../../src/io/messages.ts";
import { readFixture } from "../helpers.ts";

const RUBRIC = readFileSync(join(import.meta.dirname, "../../rubric/rubric.yaml"), "utf8");
const BASE = readFixture("diff", "example-county.yaml");
const FILE = "scorecards/example-county.yaml";
const side = (text: string | undefined, label: string) => ({
  label,
  files: text === undefined ? [] : [{ file: FILE, text }],
  rubric: RUBRIC,
});
const EN = messagesFor("en");

describe("escapeMarkdown", () => {
  it("leaves no way to inject links, images, HTML, tables, mentions or code", () => {
    const hostile =
      "<img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/p.png) | col | @everyone `code` **bold** _em_ #1\nnext line";
    const out = escapeMarkdown(hostile);
    expect(out).not.toMatch(/<|>/);
    expect(out).not.toMatch(/(^|[^\\])\[/);
    expect(out).not.toMatch(/(^|[^\\])\|/);
    expect(out).not.toMatch(/(^|[^\\])`/);
    expect(out).not.toContain("@");
    expect(out).not.toContain("\n");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(out).toContain("&#64;everyone");
  });
});

describe("the diff model and its formats", () => {
  it("escapes a hostile task force name in markdown, and keeps the comment marker on the first line", () => {
    const evil = BASE.replace("name: Example County Task Force", 'name: "<script>alert(1)</script> [x](https://evil.example) @team"');
    const model = compare(side(undefined, "main"), side(evil, "working copy"), "2030-01-01");
    const md = formatMarkdown(model, EN);
    expect(md.split("\n")[0]).toBe(COMMENT_MARKER);
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](https://evil.example) &#64;team");
    expect(md).toMatch(/new scorecard, grade/);
  });

  it("says nothing changed when only a comment changed, and names the fact when a value changed", () => {
    const commented = BASE.replace("schema_version: 1", "# a new comment\nschema_version: 1");
    const text = formatText(compare(side(BASE, "a"), side(commented, "b"), "2030-01-01"), EN);
    expect(text).toContain("No fact changed: only comments or layout.");
    const moved = BASE.replace("website: unknown", "website: https://example.org/task-force");
    const model = compare(side(BASE, "a"), side(moved, "b"), "2030-01-01");
    expect(model.cards[0]!.noEffect).toEqual([{ field: "website", before: "unknown", after: "https://example.org/task-force" }]);
    expect((JSON.parse(formatJson(model)) as typeof model).cards[0]!.file).toBe(FILE);
  });

  it("never crashes on files that are not task forces at all", () => {
    for (const junk of ["", "- a\n- b\n", "just text", "a: &x [*x]", "\t- tab", "name: 1\n---\nname: 2\n"]) {
      const model = compare(side(BASE, "a"), side(junk, "b"), "2030-01-01");
      expect(model.cards[0]!.after!.state).toBe("invalid");
      expect(formatMarkdown(model, EN)).toMatch(/now has errors/);
    }
  });
});

describe("field differences", () => {
  it("matches members by name, so adding one does not shift the others", () => {
    const a = {
      members: [
        { name: "A", sector: "x" },
        { name: "B", sector: "y" },
      ],
    };
    const b = {
      members: [
        { name: "New", sector: "z" },
        { name: "A", sector: "x" },
        { name: "B", sector: "w" },
      ],
    };
    const changes = diffData(a, b);
    expect(changes.map((c) => pathLabel(c.path))).toEqual(["members[B].sector", "members[New]"]);
    // Undoing each change on the new side gives back the old value, one change at a time.
    expect(undo(b, changes[0]!)).toEqual({
      members: [
        { name: "New", sector: "z" },
        { name: "A", sector: "x" },
        { name: "B", sector: "y" },
      ],
    });
    expect(undo(b, changes[1]!)).toEqual({
      members: [
        { name: "A", sector: "x" },
        { name: "B", sector: "w" },
      ],
    });
  });

  it("falls back to positions for lists without names, and undoes additions and removals", () => {
    const a = { groups: [{ count: 1 }, { count: 2 }] };
    const b = { groups: [{ count: 1 }] };
    const [removed] = diffData(a, b);
    expect(pathLabel(removed!.path)).toBe("groups[2]");
    expect(undo(b, removed!)).toEqual(a);
    const [added] = diffData(b, a);
    expect(undo(a, added!)).toEqual(b);
  });
});

describe("the diff's words for the score, and the end of its output", () => {
  // One policy unknown: 90 of the rubric's 100 points had data, so "of 100" would be wrong.
  const PARTLY_KNOWN = BASE.replace(
    "non_arrest_of_people_selling_sex: { status: yes, sources: [example-report-2023] }",
    "non_arrest_of_people_selling_sex: { status: unknown }",
  );
  const LA = readFileSync(join(import.meta.dirname, "../../scorecards/los-angeles-regional-human-trafficking-task-force.yaml"), "utf8");

  it("counts the points out of those that had data, in the words of the index and the summary", () => {
    expect(PARTLY_KNOWN).not.toBe(BASE);
    const model = compare(side(BASE, "main"), side(PARTLY_KNOWN, "working copy"), "2030-01-01");
    const after = model.cards[0]!.after!;
    expect(after).toMatchObject({ state: "scored", maxPoints: 100, scoredMaxPoints: 90 });
    const text = formatText(model, EN);
    expect(text).toContain("After: A, 96.66% (87 of the 90 points that had data), 90% of the rubric had data\n");
    expect(text).toContain("Before: A, 97% (97 of the 100 points that had data), 100% of the rubric had data\n");
    expect(text).not.toMatch(/of 100 points|points with data|data for \d/);
    // The pull-request comment and the job summary say the same.
    expect(formatMarkdown(model, EN)).toContain("After: A, 96.66% (87 of the 90 points that had data), 90% of the rubric had data\n");
  });

  it("gives no percentage while the grade is Incomplete, as page 1 and the index do", () => {
    const model = compare(side(undefined, "main"), side(LA, "working copy"), "2030-01-01");
    const after = model.cards[0]!.after!;
    if (after.state !== "scored") throw new Error("the LA scorecard should be scored");
    expect(after.grade).toBe("Incomplete");
    const line = scoreLine(EN, after);
    expect(line).toBe(
      `Incomplete (${after.points} of the ${after.scoredMaxPoints} points that had data), ${Math.round(after.coverage * 100)}% of the rubric had data`,
    );
    expect(line).not.toMatch(/\d%\s*\(/);
  });

  it("takes those words from the catalogue it is given, not from the code", () => {
    const model = compare(side(BASE, "main"), side(PARTLY_KNOWN, "working copy"), "2030-01-01");
    const line = scoreLine(messagesFor("es"), model.cards[0]!.after);
    expect(line).toMatch(/^A, 96,66\s%/);
    expect(line).not.toContain("points that had data");
    const made: typeof EN = { ...EN, catalogue: { ...EN.catalogue, "collection.score-points": "[{points, number}/{max, number}]" } };
    expect(scoreLine(made, model.cards[0]!.after)).toBe("A, 96.66% [87/90], 90% of the rubric had data");
  });

  it("ends the text, the markdown and the JSON with one newline, whatever changed", () => {
    const broken = BASE.replace("officers_deployed: 12", "officers_deployed: twelve");
    const models = [
      compare(side(BASE, "a"), side(PARTLY_KNOWN, "b"), "2030-01-01"), // changed
      compare(side(undefined, "a"), side(BASE, "b"), "2030-01-01"), // added
      compare(side(BASE, "a"), side(undefined, "b"), "2030-01-01"), // removed
      compare(side(BASE, "a"), side(broken, "b"), "2030-01-01"), // now invalid
      compare(side(BASE, "a"), side(BASE, "b"), "2030-01-01"), // nothing changed
      compare(side(undefined, "a"), side(undefined, "b"), "2030-01-01"), // no scorecards at all
    ];
    for (const model of models) {
      for (const out of [formatText(model, EN), formatMarkdown(model, EN), formatJson(model)]) {
        expect(out.endsWith("\n")).toBe(true);
        expect(out.endsWith("\n\n")).toBe(false);
      }
      expect(commentBody(formatMarkdown(model, EN)).endsWith("\n")).toBe(true);
    }
  });

  it("ends a pull-request comment that had to be cut short with a newline too", () => {
    const long = `${COMMENT_MARKER}\n${"- a line\n".repeat(MAX_COMMENT / 5)}`;
    const body = commentBody(long);
    expect(body.length).toBeLessThan(long.length);
    expect(body.endsWith("(cut short: the full list is in the job summary of this run.)\n")).toBe(true);
  });
});
