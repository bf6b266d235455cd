import { PROBLEM_CODES, PROBLEM_CODE_HELP } from "../errors.ts";

// The field reference (docs/fields.md), written from the schema so that it cannot drift.
// Pure: schema in, Markdown out. `npm run docs:fields` writes it; a test compares.

interface Schema {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  examples?: unknown[];
  minItems?: number;
  maximum?: number;
}

const YES_NO = "yes,no,unknown";
const isDate = (s: Schema) => (s.pattern ?? "").includes("[0-9]{4}");
const isSourceIds = (s: Schema) =>
  s.type === "array" && [s.items?.type ?? []].flat().includes("string") && (s.items?.description ?? "").includes("source");

/** What kind of value to write, in words. */
function kind(s: Schema): string {
  if (s.const !== undefined) return `exactly \`${typeof s.const === "string" ? s.const : JSON.stringify(s.const)}\``;
  if (s.enum?.join(",") === YES_NO) return "yes, no or unknown";
  if (s.enum) return "one of the words below";
  if (s.anyOf)
    return JSON.stringify(s.anyOf).includes("none-reported")
      ? "a whole number (0 or more), unknown, none-reported, or an approximation (approximately: 70, words: roughly 70)"
      : "a whole number (0 or more), or unknown";
  if (isDate(s)) {
    const p = s.pattern ?? "";
    const form = p.startsWith("^[0-9]{4}-") ? "a date (YYYY-MM-DD)" : "a date (YYYY-MM-DD, YYYY-MM or YYYY)";
    return p.includes("unknown") ? `${form}, or unknown` : form;
  }
  if (isSourceIds(s)) return "a list of source ids, or of citations with `source:` and `quote:`";
  if ((s.pattern ?? "").includes("https?"))
    return (s.pattern ?? "").includes("unknown") ? "an address (https://…), or unknown" : "an address (https://…)";
  if (s.type === "array") return s.items?.type === "object" ? "a list of entries, each with the fields below" : "a list of text";
  if (s.type === "object") return "a section with the fields below";
  if (s.type === "string") return "text";
  return [s.type ?? "a value"].flat().join(" or ");
}

/** Splits "Lead. a: means this. b: means that." into the lead and one line per enum value. */
export function explainEnum(description: string, values: readonly string[]): { lead: string; values: [string, string][] } {
  const found = values
    .map((v) => ({ v, at: new RegExp(`(^|\\s)${v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\s`).exec(description) }))
    .filter((x): x is { v: string; at: RegExpExecArray } => x.at !== null)
    .map(({ v, at }) => ({ v, start: at.index + at[1]!.length, textStart: at.index + at[0].length }))
    .sort((a, b) => a.start - b.start);
  const lead = (found.length ? description.slice(0, found[0]!.start) : description).trim();
  const out = found.map(
    (f, i) => [f.v, description.slice(f.textStart, found[i + 1]?.start ?? description.length).trim()] as [string, string],
  );
  return { lead, values: out };
}

const code = (v: unknown) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;

function field(lines: string[], path: string, s: Schema, required: boolean): void {
  const enumValues = s.enum?.map(String);
  const { lead, values } = enumValues ? explainEnum(s.description ?? "", enumValues) : { lead: s.description ?? "", values: [] };
  lines.push(`### \`${path}\``, "");
  lines.push(`${required ? "**Required.**" : "Optional."} Write ${kind(s)}.`, "");
  if (lead) lines.push(lead, "");
  for (const [v, text] of values) lines.push(`- \`${v}\`: ${text}`);
  if (values.length) lines.push("");
  if (s.examples?.length)
    lines.push(
      `Example${s.examples.length > 1 ? "s" : ""}: ${s.examples.map((e) => (Array.isArray(e) ? `\`[${e.join(", ")}]\`` : code(e))).join(", ")}`,
      "",
    );
  if (s.type === "object")
    for (const [k, v] of Object.entries(s.properties ?? {})) field(lines, `${path}.${k}`, v, (s.required ?? []).includes(k));
  if (s.type === "array" && s.items?.type === "object") {
    for (const [k, v] of Object.entries(s.items.properties ?? {})) field(lines, `${path}[].${k}`, v, (s.items.required ?? []).includes(k));
  }
}

export function fieldReference(schema: Schema): string {
  const lines: string[] = [
    "# Field reference",
    "",
    "<!-- Written by `npm run docs:fields` from schemas/task-force.schema.json. Do not edit by hand: edit the schema and run it again. -->",
    "",
    schema.description ?? "",
    "",
    "Each heading below is a field, written as its path in the file: `operations[].arrests.total` is the",
    "`total` under `arrests:` in each entry of the `operations:` list.",
    "",
    "## Yes, no and unknown",
    "",
    "Every yes/no fact and every number can also be `unknown`. `unknown` means no source states it;",
    "it is not the same as `no` or `0`, and it is scored and shown differently. A fact that is `yes`, `no`",
    "or a number must cite, under its `sources:`, a source that states it.",
    "",
    "- `yes`: a source says so.",
    "- `no`: a source says not.",
    "- `unknown`: no source says either way.",
    "",
    "Dates are written as YYYY-MM-DD (such as `2018-08-21`), YYYY-MM or YYYY. Put a date that is only a",
    'year in quotes (`date: "2015"`), or YAML reads it as a number.',
    "",
    "## Contents",
    "",
    ...Object.keys(schema.properties ?? {}).map((k) => `- [\`${k}\`](#${k})`),
    "",
  ];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    lines.push(`## ${k}`, "");
    field(lines, k, v, (schema.required ?? []).includes(k));
  }
  lines.push(
    "## Problem codes",
    "",
    "`scorecard validate --format json` gives each problem a `code`. Codes are never renamed.",
    "",
    "| Code | Meaning |",
    "| --- | --- |",
    ...PROBLEM_CODES.map((c) => `| \`${c}\` | ${PROBLEM_CODE_HELP[c]} |`),
    "",
  );
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}
