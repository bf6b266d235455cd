import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import schema from "../../schemas/task-force.schema.json" with { type: "json" };
import { PROBLEM_CODES } from "../../src/errors.ts";
import { explainEnum, fieldReference } from "../../src/validate/field-reference.ts";

const ROOT = join(import.meta.dirname, "..", "..");

describe("docs/fields.md", () => {
  it("is up to date with the schema (run `npm run docs:fields` if this fails)", () => {
    expect(readFileSync(join(ROOT, "docs", "fields.md"), "utf8")).toBe(fieldReference(schema));
  });

  it("has a heading for every field, explains every enum value, and lists every problem code", () => {
    const doc = fieldReference(schema);
    for (const path of [
      "operations[].arrests.total",
      "membership.members[].sector",
      "membership.counts[].groups[].kind",
      "sources[].archive_url",
      "policies.community_oversight.status",
    ]) {
      expect(doc).toContain(`### \`${path}\``);
    }
    expect(doc).toContain("- `sex-worker-led`: An organisation led by sex workers");
    expect(doc).toContain("- `sent-for-reply`: sent to the task force, waiting for its reply.");
    for (const code of PROBLEM_CODES) expect(doc).toContain(`| \`${code}\` |`);
  });

  it("splits an enum description into its lead and one line per value", () => {
    expect(explainEnum("Pick one. a-b: first thing. c: second: with colon.", ["a-b", "c"])).toEqual({
      lead: "Pick one.",
      values: [
        ["a-b", "first thing."],
        ["c", "second: with colon."],
      ],
    });
  });
});
