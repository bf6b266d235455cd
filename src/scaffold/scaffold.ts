// Writes the text of a new task force file from the JSON Schema itself, so the fields and
// their explanations stay in step with schemas/task-force.schema.json. Pure.
import { stringify } from "yaml";

interface Schema {
  description?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  pattern?: string;
  default?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
}

/** For a required choice with no `unknown`, the value that claims least: a draft, not yet requested, other. */
const NEUTRAL = ["unknown", "draft", "not-requested", "other"];

/** The few placeholders a rule cannot work out: the id of the stub source. */
const PLACEHOLDERS: Record<string, unknown> = { "sources[].id": "source-1" };

const WIDTH = 80;

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

function wrap(text: string, indent: string): string[] {
  const width = Math.max(40, WIDTH - indent.length - 2);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

function explain(schema: Schema): string {
  let text = schema.description ?? "";
  const options = schema.enum?.map(String) ?? [];
  if (options.length && !options.every((o) => text.includes(o))) text += ` Write one of: ${options.join(", ")}.`;
  return text;
}

const scalar = (value: unknown): string => stringify(value).trimEnd();

const allowsUnknown = (s: Schema): boolean =>
  (s.enum?.includes("unknown") ?? false) ||
  (s.anyOf?.some((a) => a.const === "unknown") ?? false) ||
  (s.pattern !== undefined && new RegExp(s.pattern).test("unknown")) ||
  (s.pattern === undefined && s.type === "string" && /\b(write unknown|or unknown)\b/i.test(s.description ?? ""));

/** The value a field starts with, or undefined when it is better left as a commented-out line. */
function placeholder(s: Schema, path: string, required: boolean): unknown {
  if (path in PLACEHOLDERS) return PLACEHOLDERS[path];
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (allowsUnknown(s)) return "unknown";
  if (s.enum) return required ? (NEUTRAL.find((v) => s.enum!.includes(v)) ?? s.enum[0]) : undefined;
  // Free text with no "unknown" meaning (a note, a summary): present, but commented out.
  return required && s.type === "string" && s.pattern === undefined ? "unknown" : undefined;
}

interface Context {
  /** Inside a commented-out example: lists of sections get one example entry. */
  example: boolean;
  values: Record<string, unknown>;
}

/** The lines of a section's fields, each with its explanation, at the given indent. */
function fields(schema: Schema, indent: string, path: string, ctx: Context): string[] {
  const out: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    // A field kept only so that old files get a helpful message is never written into a new one.
    if (prop.deprecated) continue;
    const here = path ? `${path}.${key}` : key;
    if (!path) out.push("");
    out.push(...wrap(explain(prop), indent));
    if (here in ctx.values) {
      out.push(`${indent}${key}: ${scalar(ctx.values[here])}`);
    } else if (prop.properties) {
      out.push(`${indent}${key}:`, ...fields(prop, `${indent}  `, here, ctx));
    } else if (prop.items) {
      const item = prop.items;
      if (!item.properties) out.push(`${indent}${key}: []`);
      else if (ctx.example || here === "sources") out.push(`${indent}${key}:`, ...listItem(item, `${indent}  `, `${here}[]`, ctx));
      else {
        out.push(`${indent}${key}: []`);
        // Uncommenting is one rule for advocates: remove one # from each line. Explanations keep theirs.
        out.push(
          `${indent}  ## To add one: replace [] above with the lines below, then remove one # from`,
          `${indent}  ## the start of each of those lines.`,
        );
        for (const line of listItem(item, `${indent}  `, `${here}[]`, { ...ctx, example: true })) {
          out.push(line.replace(/^(\s*)(#+ )?/, (_m, sp: string, hashes?: string) => `${sp}${hashes ? "#" : ""}# `));
        }
      }
    } else {
      const value = placeholder(prop, here.replace(/\[\]\./g, "[]."), required.has(key));
      out.push(value === undefined ? `${indent}# ${key}:` : `${indent}${key}: ${scalar(value)}`);
    }
  }
  return out;
}

/** One list entry: its first field line starts with "- ", the rest line up under it. */
function listItem(item: Schema, indent: string, path: string, ctx: Context): string[] {
  const lines = fields(item, `${indent}  `, path, ctx);
  const first = lines.findIndex((l) => !l.trimStart().startsWith("#"));
  return lines.map((l, i) =>
    i === first ? `${indent}- ${l.slice(indent.length + 2)}` : i < first ? `${indent}${l.slice(indent.length + 2)}` : l,
  );
}

export interface ScaffoldOptions {
  /** The task force's name, as it calls itself. */
  name: string;
  /** Where the schema is, relative to the new file, for the editor's modeline. */
  schemaRef: string;
}

/** The text of a new task force file: every field present, `unknown` where a fact goes. */
export function scaffold(schema: object, options: ScaffoldOptions): string {
  const s = schema as Schema;
  const header = [
    `# yaml-language-server: $schema=${options.schemaRef}`,
    "#",
    ...wrap(s.description ?? "", "").map((l) => l),
    "#",
    "# Started with `scorecard new`. Every fact starts as unknown. Replace an unknown",
    "# only with what a published source states, and list that source under",
    "# `sources:` at the end. unknown means no source says; no and 0 are facts, and",
    "# need a source like any other. Lines starting with # are explanations.",
    "# Check the file with: npm run scorecard -- validate <this file>",
  ];
  const body = fields(s, "", "", { example: false, values: { name: options.name } });
  return [...header, ...body].join("\n") + "\n";
}
