import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import schema from "../../schemas/task-force.schema.json" with { type: "json" };
import type { Arrests, Member, Operation, Source, TaskForce } from "../../src/model.ts";
import { check } from "../../src/pipeline.ts";
import { MODELINE } from "../../src/validate/semantic.ts";

const ROOT = join(import.meta.dirname, "..", "..");
interface Node {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: unknown;
  anyOf?: Node[];
}

function eachField(node: Node, path: string, visit: (node: Node, path: string) => void): void {
  visit(node, path);
  for (const [k, v] of Object.entries(node.properties ?? {})) eachField(v, `${path}.${k}`, visit);
  if (node.items) eachField(node.items, `${path}[]`, visit);
}

describe("the schema", () => {
  it("describes every field and list entry, and closes every section to unknown fields", () => {
    const missing: string[] = [];
    const open: string[] = [];
    eachField(schema, "", (node, path) => {
      if (!node.description) missing.push(path);
      if (node.type === "object" && node.additionalProperties !== false) open.push(path);
    });
    expect(missing).toEqual([]);
    expect(open).toEqual([]);
  });

  it("explains every allowed word of every enum as 'word: meaning'", () => {
    const unexplained: string[] = [];
    eachField(schema, "", (node, path) => {
      for (const v of node.enum ?? [])
        if (!new RegExp(`(^|\\s)${String(v)}: `).test(node.description ?? "")) unexplained.push(`${path} ${String(v)}`);
    });
    expect(unexplained).toEqual([]);
  });

  it("lets every count be unknown, distinct from 0, and every yes/no be unknown, distinct from no", () => {
    eachField(schema, "", (node, path) => {
      if (node.anyOf) expect(JSON.stringify(node.anyOf), path).toContain('{"const":"unknown"}');
      // Whether a reply agrees is what the task force said, not a fact that a source may leave unknown.
      if (node.enum?.includes("yes") && path !== ".review.replies[].agrees")
        expect(node.enum, path).toEqual(["yes", "no", "unknown"].filter((v) => (path === ".fictional" ? v !== "unknown" : true)));
    });
  });

  it("is draft-07 and carries schema_version", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.required).toContain("schema_version");
  });

  it("has the same fields as src/model.ts (tsc checks the lists below against the types)", () => {
    const keys = (o: object) => Object.keys(o).sort();
    const props = (n: Node | undefined) => keys(n?.properties ?? {});
    const s = schema as unknown as Node;
    const ops = s.properties!.operations!.items!;
    const taskForce = {
      schema_version: 1,
      fictional: 1,
      name: 1,
      language: 1,
      jurisdiction: 1,
      website: 1,
      founded: 1,
      lead_agencies: 1,
      funding: 1,
      review: 1,
      membership: 1,
      representation: 1,
      operations: 1,
      policies: 1,
      sources: 1,
    } satisfies Record<keyof TaskForce, 1>;
    const operation = {
      name: 1,
      date: 1,
      date_basis: 1,
      period: 1,
      places: 1,
      type: 1,
      officers_deployed: 1,
      tied_to_identified_victims: 1,
      arrests: 1,
      minors: 1,
      victims_identified: 1,
      referred_to_services: 1,
      services_conditional_on_arrest: 1,
      demographics: 1,
      sources: 1,
      note: 1,
    } satisfies Record<keyof Operation, 1>;
    const arrests = {
      total: 1,
      selling_sex: 1,
      buying_sex: 1,
      selling_or_buying_sex: 1,
      trafficking: 1,
      trafficking_related: 1,
      other: 1,
    } satisfies Record<keyof Arrests, 1>;
    const member = { name: 1, sector: 1, role: 1, votes: 1, sources: 1, note: 1 } satisfies Record<keyof Member, 1>;
    const source = {
      id: 1,
      title: 1,
      publisher: 1,
      author: 1,
      date: 1,
      date_basis: 1,
      on_behalf_of: 1,
      url: 1,
      identifier: 1,
      accessed: 1,
      archive_url: 1,
      type: 1,
      note: 1,
      language: 1,
    } satisfies Record<keyof Source, 1>;
    expect(props(s)).toEqual(keys(taskForce));
    expect(props(ops)).toEqual(keys(operation));
    expect(props(ops.properties!.arrests)).toEqual(keys(arrests));
    expect(props(s.properties!.membership!.properties!.members!.items)).toEqual(keys(member));
    expect(props(s.properties!.sources!.items)).toEqual(keys(source));
  });
});

describe("editor support", () => {
  const scorecards = readdirSync(join(ROOT, "scorecards")).filter((f) => f.endsWith(".yaml"));

  it("every scorecard starts with a yaml-language-server line that points at the schema", () => {
    expect(scorecards.length).toBeGreaterThan(0);
    for (const f of scorecards) {
      const first = readFileSync(join(ROOT, "scorecards", f), "utf8").split("\n")[0]!;
      const m = MODELINE.exec(first);
      expect(m, f).not.toBeNull();
      expect(resolve(join(ROOT, "scorecards"), m![1]!)).toBe(join(ROOT, "schemas", "task-force.schema.json"));
    }
  });

  it("the valid fixture's yaml-language-server line points at the schema too", () => {
    const first = readFileSync(join(ROOT, "tests", "fixtures", "valid", "example-county.yaml"), "utf8").split("\n")[0]!;
    expect(resolve(join(ROOT, "tests", "fixtures", "valid"), MODELINE.exec(first)![1]!)).toBe(
      join(ROOT, "schemas", "task-force.schema.json"),
    );
  });

  it(".vscode/settings.json maps scorecards/*.yaml to the schema", () => {
    const settings = JSON.parse(readFileSync(join(ROOT, ".vscode", "settings.json"), "utf8")) as {
      "yaml.schemas": Record<string, string[]>;
    };
    const entry = Object.entries(settings["yaml.schemas"]).find(([, globs]) => globs.includes("scorecards/*.yaml"));
    expect(entry).toBeDefined();
    expect(existsSync(join(ROOT, entry![0]))).toBe(true);
    expect(resolve(ROOT, entry![0])).toBe(join(ROOT, "schemas", "task-force.schema.json"));
  });

  it("the LA scorecard validates with no errors", () => {
    const file = join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml");
    const { problems } = check("la.yaml", readFileSync(file, "utf8"), "2026-11-29");
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(dirname(file)).toBe(join(ROOT, "scorecards"));
  });
});
