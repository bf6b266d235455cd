import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compare } from "../../src/diff/compare.ts";
import { diffData, pathLabel, undo } from "../../src/diff/data-diff.ts";
import { COMMENT_MARKER, escapeMarkdown, formatJson, formatMarkdown, formatText } from "../../src/diff/format.ts";
import { readFixture } from "../helpers.ts";

const RUBRIC = readFileSync(join(import.meta.dirname, "../../rubric/rubric.yaml"), "utf8");
const BASE = readFixture("diff", "example-county.yaml");
const FILE = "scorecards/example-county.yaml";
const side = (text: string | undefined, label: string) => ({ label, files: text === undefined ? [] : [{ file: FILE, text }], rubric: RUBRIC });

describe("escapeMarkdown", () => {
  it("leaves no way to inject links, images, HTML, tables, mentions or code", () => {
    const hostile = "<img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/p.png) | col | @everyone `code` **bold** _em_ #1\nnext line";
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
    const md = formatMarkdown(model);
    expect(md.split("\n")[0]).toBe(COMMENT_MARKER);
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](https://evil.example) &#64;team");
    expect(md).toMatch(/new scorecard, grade/);
  });

  it("says nothing changed when only a comment changed, and names the fact when a value changed", () => {
    const commented = BASE.replace("schema_version: 1", "# a new comment\nschema_version: 1");
    const text = formatText(compare(side(BASE, "a"), side(commented, "b"), "2030-01-01"));
    expect(text).toContain("No fact changed: only comments or layout.");
    const moved = BASE.replace("website: unknown", "website: https://example.org/task-force");
    const model = compare(side(BASE, "a"), side(moved, "b"), "2030-01-01");
    expect(model.cards[0]!.noEffect).toEqual([{ field: "website", before: "unknown", after: "https://example.org/task-force" }]);
    expect(JSON.parse(formatJson(model)).cards[0].file).toBe(FILE);
  });

  it("never crashes on files that are not task forces at all", () => {
    for (const junk of ["", "- a\n- b\n", "just text", "a: &x [*x]", "\t- tab", "name: 1\n---\nname: 2\n"]) {
      const model = compare(side(BASE, "a"), side(junk, "b"), "2030-01-01");
      expect(model.cards[0]!.after!.state).toBe("invalid");
      expect(formatMarkdown(model)).toMatch(/now has errors/);
    }
  });
});

describe("field differences", () => {
  it("matches members by name, so adding one does not shift the others", () => {
    const a = { members: [{ name: "A", sector: "x" }, { name: "B", sector: "y" }] };
    const b = { members: [{ name: "New", sector: "z" }, { name: "A", sector: "x" }, { name: "B", sector: "w" }] };
    const changes = diffData(a, b);
    expect(changes.map((c) => pathLabel(c.path))).toEqual(["members[B].sector", "members[New]"]);
    // Undoing each change on the new side gives back the old value, one change at a time.
    expect(undo(b, changes[0]!)).toEqual({ members: [{ name: "New", sector: "z" }, { name: "A", sector: "x" }, { name: "B", sector: "y" }] });
    expect(undo(b, changes[1]!)).toEqual({ members: [{ name: "A", sector: "x" }, { name: "B", sector: "w" }] });
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
