import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import schema from "../../schemas/task-force.schema.json" with { type: "json" };
import type { TaskForce } from "../../src/model.ts";
import { check } from "../../src/pipeline.ts";
import { scaffold, slugify } from "../../src/scaffold/scaffold.ts";
import { cli, tempDir } from "../helpers.ts";

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  description?: string;
  deprecated?: boolean;
}

/** Every field name the schema defines, at any depth, except those kept only to explain an old format. */
function schemaKeys(s: Schema, out = new Set<string>()): Set<string> {
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    if (prop.deprecated) continue;
    out.add(key);
    schemaKeys(prop, out);
    if (prop.items) schemaKeys(prop.items, out);
  }
  return out;
}

describe("scorecard new", () => {
  it("writes scorecards/<slug>.yaml, which validates as soon as it is written (warnings only)", async () => {
    const dir = tempDir();
    const r = await cli(["new", "Springfield Regional Human Trafficking Task Force"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = join(dir, "scorecards", "springfield-regional-human-trafficking-task-force.yaml");
    expect(r.stdout).toContain("Wrote scorecards/springfield-regional-human-trafficking-task-force.yaml");
    const text = readFileSync(file, "utf8");
    const result = check("new.yaml", text, "2030-01-01");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.taskForce?.name).toBe("Springfield Regional Human Trafficking Task Force");
    // And the validate command agrees.
    const v = await cli(["validate"], { cwd: dir });
    expect(v.code).toBe(0);
  });

  it("starts every fact as unknown (never no or 0), with the neutral review status", () => {
    const text = scaffold(schema, { name: "Example Task Force", schemaRef: "../schemas/task-force.schema.json" });
    const data = parse(text) as TaskForce;
    expect(data.schema_version).toBe(1);
    expect(data.review.status).toBe("draft");
    expect(data.review.reply).toBeUndefined();
    expect(data.review.replies).toEqual([]);
    expect(data.representation.sex_worker_led_seats).toBe("unknown");
    expect(data.representation.seats_vote).toBe("unknown");
    for (const policy of Object.values(data.policies)) expect(policy.status).toBe("unknown");
    expect(data.membership.members).toEqual([]);
    expect(data.operations).toEqual([]);
    expect(data.fictional).toBeUndefined();
    // No fact is a 0 or a no: those are claims that need a source.
    expect(text).not.toMatch(/^\s*[a-z_]+: (0|no)\s*$/m);
    expect(data.sources).toHaveLength(1);
    expect(data.sources[0]).toMatchObject({ id: "source-1", title: "unknown", date: "unknown" });
  });

  it("has the schema modeline on line 1, and explains every field the schema defines", () => {
    const text = scaffold(schema, { name: "Example Task Force", schemaRef: "../schemas/task-force.schema.json" });
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/task-force.schema.json");
    for (const key of schemaKeys(schema)) expect(text, key).toMatch(new RegExp(`^\\s*(#+ )?(- )?${key}:`, "m"));
    // Each field line has an explanation right above it.
    const lines = text.split("\n");
    const keys = schemaKeys(schema);
    lines.forEach((line, i) => {
      const field = /^\s*(?:#+ )?(?:- )?([a-z_]+):(?: (\S*))?$/.exec(line);
      if (field && keys.has(field[1]!)) expect(lines[i - 1], `line ${i + 1}: ${line}`).toMatch(/^\s*#/);
    });
    // The schema's own descriptions are the explanations.
    expect(text).toContain("# " + schema.properties.name.description);
  });

  it("has example entries that validate once uncommented by the rule it states (remove one # per line)", () => {
    const text = scaffold(schema, { name: "Example Task Force", schemaRef: "x" });
    const lines = text.split("\n");
    const start = lines.findIndex((l) => l === "membership:");
    const members = lines.findIndex((l, i) => i > start && /^\s+members: \[\]$/.test(l));
    const block: string[] = [];
    for (let i = members + 1; i < lines.length && /^\s{4,}#/.test(lines[i]!); i++) block.push(lines[i]!);
    const uncommented = block
      .filter((l) => !/^\s*## To add one|^\s*## the start/.test(l))
      .map((l) => l.replace(/^(\s*)# ?/, "$1"))
      // A member must cite the source that names it, as the validator says.
      .map((l) => l.replace(/^(\s+)sources: \[\]$/, "$1sources: [source-1]"));
    const edited = [
      ...lines.slice(0, members),
      lines[members]!.replace(" []", ""),
      ...uncommented,
      ...lines.slice(members + 1 + block.length),
    ].join("\n");
    const result = check("edited.yaml", edited, "2030-01-01");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.taskForce?.membership.members).toHaveLength(1);
    expect(result.taskForce?.membership.members[0]!.sector).toBe("unknown");
  });

  it("refuses to overwrite an existing file, and names that make no file name", async () => {
    const dir = tempDir();
    expect((await cli(["new", "Example Task Force"], { cwd: dir })).code).toBe(0);
    const path = join(dir, "scorecards", "example-task-force.yaml");
    writeFileSync(path, "my work\n");
    const again = await cli(["new", "Example  Task  Force!"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/scorecards\/example-task-force\.yaml already exists/);
    expect(readFileSync(path, "utf8")).toBe("my work\n");
    for (const bad of ["", "   ", "...", "../../", "¿?", "名前"]) {
      const r = await cli(["new", bad], { cwd: dir });
      expect(r.code, bad).toBe(1);
      expect(r.stderr).not.toMatch(/internal error/);
    }
    const multi = await cli(["new", "Two\nLines"], { cwd: dir });
    expect(multi.stderr).toMatch(/on one line/);
    expect((await cli(["new"], { cwd: dir })).stderr).toMatch(/give the task force's name in quotes/);
    expect(readdirSync(join(dir, "scorecards"))).toEqual(["example-task-force.yaml"]);
  });

  it("refuses a name the checks refuse (an invisible control, a character no font has) as the user's to fix, writing nothing", async () => {
    const dir = tempDir();
    for (const [name, found] of [
      [
        "Example \u202ECounty Task Force",
        /^scorecard: the name cannot be used as it is: name contains an invisible control character, U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/,
      ],
      ["Example\u200B County Task Force", /U\+200B/],
      ["Example \u{13000} Task Force", /the character '.+' \(U\+13000, a character of the Egyptian Hieroglyphs script\) cannot be printed/],
    ] as const) {
      const r = await cli(["new", name], { cwd: dir });
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(found);
      expect(r.stderr).not.toMatch(/internal error|this is a bug/);
    }
    expect(existsSync(join(dir, "scorecards"))).toBe(false);
  });

  it("keeps names that would be YAML or path tricks safe", async () => {
    const dir = tempDir();
    const name = '../../etc/passwd: "x" # &a *b {c} [d] <script>';
    const r = await cli(["new", name], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "scorecards", "etc-passwd-x-and-a-b-c-d-script.yaml"))).toBe(true);
    const text = readFileSync(join(dir, "scorecards", "etc-passwd-x-and-a-b-c-d-script.yaml"), "utf8");
    expect(check("x.yaml", text, "2030-01-01").taskForce?.name).toBe(name);
  });
});

describe("slugify", () => {
  it("makes lower-case ASCII file names", () => {
    expect(slugify("Los Angeles Regional Human Trafficking Task Force")).toBe("los-angeles-regional-human-trafficking-task-force");
    expect(slugify("Bogotá & Medellín")).toBe("bogota-and-medellin");
    expect(slugify("x".repeat(300))).toHaveLength(80);
    expect(slugify("---")).toBe("");
  });
});
