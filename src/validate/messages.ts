import type { ErrorObject } from "ajv";
import type { DataPath } from "../load/load.ts";
import type { ProblemCode } from "../errors.ts";
import { visibleText } from "./format-characters.ts";

/** What an ajv error becomes: a plain message, a code, and where to point. */
export interface SchemaMessage {
  path: DataPath;
  part: "key" | "value";
  code: ProblemCode;
  message: string;
}

/** Turns a JSON pointer ("/operations/0/arrests") into a path. */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === "") return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key: string | number = Array.isArray(node) && /^\d+$/.test(seg) ? Number(seg) : seg;
    path.push(key);
    node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

/** "operations[0].arrests.total": how a path reads in a message. */
export function pathLabel(path: DataPath): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "the file";
}

/** A key or value as it reads inside a message: quoted, cut short if long, and with invisible controls shown as <U+202E>. */
export function clip(text: string, max = 60): string {
  const oneLine = visibleText(text).replace(/\s+/g, " ");
  return oneLine.length > max ? oneLine.slice(0, max - 3) + "..." : oneLine;
}

function show(value: unknown): string {
  if (typeof value === "string") return `'${clip(value)}'`;
  if (value === null) return "nothing (an empty value)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a section of fields";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === undefined) return String(value);
  // Data read from YAML holds nothing else.
  return typeof value;
}

const typeWords: Record<string, string> = {
  string: "text",
  integer: "a whole number",
  number: "a number",
  object: "a section of fields (key: value lines)",
  array: "a list (lines starting with -)",
  boolean: "yes or no",
};

const isCountSchema = (schema: unknown): boolean =>
  Array.isArray((schema as { anyOf?: unknown[] } | undefined)?.anyOf) &&
  JSON.stringify((schema as { anyOf: unknown[] }).anyOf).includes('"const":"unknown"');

/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const option of options) {
    const d = distance(word.toLowerCase(), option.toLowerCase());
    if (d < bestScore) [best, bestScore] = [option, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * Reduces ajv's raw errors to one plain message per problem. Errors inside an anyOf
 * (the "number or unknown" fields) are folded into a single message for that field.
 */
export function schemaMessages(errors: readonly ErrorObject[], data: unknown): SchemaMessage[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const out: SchemaMessage[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== "anyOf" && anyOfPaths.has(e.instancePath) && e.schemaPath.includes("/anyOf/")) continue;
    // An if/then/else (a citation: an id, or a section) reports the branch's own error as well; that one says what is wrong.
    if (e.keyword === "if") continue;
    const path = pointerToPath(e.instancePath, data);
    const label = pathLabel(path);
    // A list entry reads as "places[1]", not as a bare "1".
    const last = path[path.length - 1];
    const field = path.length === 0 ? "the file" : typeof last === "number" ? pathLabel(path.slice(-2)) : String(last);
    const parent = e.parentSchema;
    let m: SchemaMessage;
    switch (e.keyword) {
      case "required": {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        m = {
          path,
          part: "key",
          code: "schema-required",
          message: `${label} is missing the required field '${missing}'. Add it${missingHint(missing, (parent?.properties as Record<string, Record<string, unknown>> | undefined)?.[missing])}.`,
        };
        break;
      }
      case "additionalProperties": {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys((parent?.properties as object | undefined) ?? {});
        // Long keys are pasted text, not typos: no suggestion, and no slow distance over them.
        const guess = extra.length <= 40 ? closest(extra, allowed) : undefined;
        const where = path.length ? ` in ${label}` : "";
        const name = `'${clip(extra, 40)}'`;
        m = {
          path: [...path, extra],
          part: "key",
          code: "schema-unknown-field",
          message:
            extra === "<<"
              ? `merge keys (<<) are not allowed${where}. Write the fields out in full.`
              : guess
                ? `unknown field ${name}${where}: did you mean '${guess}'?`
                : `unknown field ${name}${where}. The fields allowed here are: ${allowed.join(", ")}.`,
        };
        break;
      }
      case "enum": {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const guess = typeof e.data === "string" ? closest(e.data, allowed) : undefined;
        const yesNo = allowed.length === 3 && allowed.includes("unknown") && allowed.includes("yes");
        const hint = guess
          ? ` Did you mean '${guess}'?`
          : typeof e.data === "boolean"
            ? ` Write ${e.data ? "yes" : "no"} instead of ${String(e.data)}.`
            : e.data === null && allowed.includes("unknown")
              ? " Write unknown if no source says."
              : "";
        m = {
          path,
          part: "value",
          code: "schema-enum",
          message: yesNo
            ? `${field} must be yes, no or unknown, not ${show(e.data)}.${hint}`
            : `${field} must be one of: ${allowed.join(", ")} (not ${show(e.data)}).${hint}`,
        };
        break;
      }
      case "const": {
        const allowed = (e.params as { allowedValue: unknown }).allowedValue;
        m = { path, part: "value", code: "schema-const", message: `${field} must be ${JSON.stringify(allowed)}, not ${show(e.data)}.` };
        break;
      }
      case "anyOf": {
        m = isCountSchema(parent)
          ? { path, part: "value", code: "schema-count", message: countMessage(field, e.data, parent) }
          : {
              path,
              part: "value",
              code: "schema-other",
              message: `${field} is not in an allowed form: ${String(parent?.description ?? "")}`,
            };
        break;
      }
      case "type": {
        const want = String((e.params as { type: string | string[] }).type)
          .split(",")
          .map((t) => typeWords[t] ?? t)
          .join(" or ");
        m = {
          path,
          part: "value",
          code: "schema-type",
          message: `${field} must be ${want}, not ${show(e.data)}.${typeHint(field, e.data, (e.params as { type: string }).type, parent)}`,
        };
        break;
      }
      case "pattern": {
        m = {
          path,
          part: "value",
          code: "schema-format",
          message: `${field} is not in the right form: ${show(e.data)}. ${patternHint(field, parent)}`,
        };
        break;
      }
      case "minLength":
        m = {
          path,
          part: "value",
          code: "schema-length",
          message: `${field} is empty. Write the text, or unknown if no source states it.`,
        };
        break;
      case "maxLength":
        m = {
          path,
          part: "value",
          code: "schema-length",
          message: `${field} is too long (${String(e.data).length} characters; the limit is ${(e.params as { limit: number }).limit}). Shorten it.`,
        };
        break;
      case "minItems":
        m = {
          path,
          part: "value",
          code: "schema-other",
          message: `${field} needs at least ${(e.params as { limit: number }).limit} entry.`,
        };
        break;
      case "uniqueItems":
        m = { path, part: "value", code: "schema-other", message: `${field} lists the same entry twice. Remove the repeat.` };
        break;
      default:
        m = { path, part: "value", code: "schema-other", message: `${field} ${e.message ?? "is not valid"}.` };
    }
    const dedupe = `${m.code}|${pathLabel(m.path)}|${m.message}`;
    if (!seen.has(dedupe)) {
      seen.add(dedupe);
      out.push(m);
    }
  }
  return out;
}

function missingHint(field: string, schema: Record<string, unknown> | undefined): string {
  if (field === "sources" && (schema?.items as { type?: string } | undefined)?.type === "object")
    return " at the end of the file: the list of publications the facts cite, each with id, title, publisher, date and type";
  if (field === "sources")
    return " as a list of source ids, such as `sources: [op-ed-2018]`, or `sources: []` if every fact here is unknown";
  if (schema && "const" in schema) return ` as \`${field}: ${JSON.stringify(schema.const)}\``;
  if (schema?.type === "object") return ` as a section (\`${field}:\` followed by its fields, indented); docs/fields.md lists them`;
  if (schema?.type === "array") return ` as a list, or write \`${field}: []\` if no source names any`;
  const allowsUnknown = JSON.stringify(schema ?? {}).includes('"unknown"') || schema?.type === "string";
  return allowsUnknown ? ", or write unknown if no source states it" : "";
}

function patternHint(field: string, parent: Record<string, unknown> | undefined): string {
  const pattern = typeof parent?.pattern === "string" ? parent.pattern : "";
  if (pattern.includes("[0-9]{4}")) return "Write a date as YYYY-MM-DD (such as 2018-08-21), YYYY-MM or YYYY, or unknown.";
  if (pattern.includes("https?"))
    return "Write a full address starting with https:// or http://" + (pattern.includes("unknown") ? ", or unknown." : ".");
  if (pattern.includes("a-z0-9")) return "Use lower-case letters, digits and hyphens only, such as la-times-2015.";
  if (pattern.includes("A-Z")) return "Write a three-letter currency code in capitals, such as USD.";
  return `See the field reference for ${field}.`;
}

const countLimit = (schema: Record<string, unknown> | undefined): number | undefined =>
  ((schema?.anyOf as { maximum?: number }[] | undefined) ?? []).find((b) => typeof b.maximum === "number")?.maximum;

function countMessage(field: string, data: unknown, parent: Record<string, unknown> | undefined): string {
  const limit = countLimit(parent);
  if (typeof data === "number" && Number.isInteger(data) && data >= 0 && limit !== undefined && data > limit) {
    return `${field} is ${data}, more than any real count can be (the limit is ${limit.toLocaleString("en-US")}). Check for extra digits.`;
  }
  let hint = "Write unknown if no source gives the number.";
  if (typeof data === "string" && /^\s*\d+\s*$/.test(data)) hint = `Remove the quotes: write ${data.trim()}.`;
  else if (typeof data === "string" && /^\s*unknown\s*$/i.test(data)) hint = "Write unknown in lower case.";
  else if (typeof data === "string" && /\d/.test(data))
    hint = "Write only the number a source gives, and put the source's own wording (such as 'roughly 70') in note.";
  else if (typeof data === "number" && data < 0) hint = "A count cannot be negative.";
  else if (typeof data === "number") hint = "Write a whole number, without decimals.";
  return `${field} must be a whole number (0 or more) or unknown, not ${show(data)}. ${hint}`;
}

/** What to write instead, when a value has the wrong type. */
function typeHint(field: string, data: unknown, want: string, parent: Record<string, unknown> | undefined): string {
  if (data === null) return " It is empty: write the value, or unknown if no source states it.";
  if (want === "string" && (typeof data === "number" || typeof data === "boolean")) {
    const isDate = typeof parent?.pattern === "string" && parent.pattern.includes("[0-9]{4}");
    return isDate || typeof data === "number"
      ? ` Put it in quotes, such as ${field}: "${String(data)}".`
      : ` Put it in quotes, such as ${field}: "${String(data)}", or write the text in full.`;
  }
  if (want === "array" && typeof data === "string") return ` Write a list, such as ${field}: [${clip(data, 30)}].`;
  return "";
}
