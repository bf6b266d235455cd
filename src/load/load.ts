import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import type { Problem, ProblemCode } from "../errors.ts";

/** A parsed YAML file: its data, and what is needed to point at any part of it. */
export interface Loaded {
  file: string;
  text: string;
  /** The plain data, or undefined when the YAML could not be read. */
  data: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  problems: Problem[];
}

/** A path into the data, such as ["operations", 0, "arrests", "total"]. */
export type DataPath = readonly (string | number)[];

/** Aliases beyond this count are refused: it stops "billion laughs" alias bombs. */
export const MAX_ALIAS_COUNT = 100;
/** A task force file is a few hundred lines; anything far bigger is a mistake or an attack. */
export const MAX_FILE_CHARS = 1_000_000;
/** The schema is 6 levels deep; deeper nesting is never valid and costs stack. */
export const MAX_DEPTH = 32;

const yamlCodes: Record<string, ProblemCode> = {
  TAB_AS_INDENT: "yaml-tab",
  DUPLICATE_KEY: "yaml-duplicate-key",
  MULTIPLE_DOCS: "yaml-multiple-documents",
};

/** Tags that only restate what plain YAML already means; every other tag is refused. */
const PLAIN_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/** Control characters YAML forbids, and the replacement character left by bytes that are not UTF-8. */
// eslint-disable-next-line no-control-regex -- finding the control characters YAML forbids is what this is for
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** Line and column (1-based) of an offset, counted from the text itself: for problems found before parsing. */
export function positionIn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

const problem = (file: string, at: { line: number; col: number }, code: ProblemCode, message: string): Problem => ({
  file,
  line: at.line,
  col: at.col,
  code,
  severity: "error",
  message,
});

/** Parses YAML text. Pure: never throws on bad input, and reports every problem it finds. */
export function load(file: string, text: string): Loaded {
  const lineCounter = new LineCounter();
  const early = earlyProblem(file, text);
  if (early) return { file, text, data: undefined, doc: parseDocument("", { lineCounter }), lineCounter, problems: [early] };

  let doc: Document.Parsed;
  try {
    // Duplicate keys are found in inspect(): yaml's own check compares every key with every other.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: "error" });
  } catch {
    // The parser recurses; extreme nesting can exhaust the stack before it reports anything.
    return {
      file,
      text,
      data: undefined,
      doc: parseDocument("", { lineCounter }),
      lineCounter,
      problems: [tooDeep(file, { line: 1, col: 1 })],
    };
  }
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, col };
  };
  const reportedLines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    // One problem per line: the first is the cause, the rest are the parser losing its footing.
    const where = at(/Missing closing .?quote/i.test(e.message) ? openQuoteAt(text, e.pos[0]) : e.pos[0]);
    if (reportedLines.has(where.line)) continue;
    reportedLines.add(where.line);
    const code: ProblemCode = /call stack/i.test(e.message)
      ? "yaml-too-deep"
      : e.code === "TAG_RESOLVE_FAILED"
        ? "yaml-tag"
        : (yamlCodes[e.code] ?? "yaml-syntax");
    problems.push(problem(file, where, code, yamlMessage(code, e.message)));
  }
  let data: unknown;
  if (problems.length === 0) {
    const shape = inspect(text, doc.contents, at, file, problems);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- inspect() adds to problems; TypeScript keeps the length of the check above
    if (problems.length === 0) {
      const built = toData(doc, file, at, shape.aliases);
      data = built.data;
      problems.push(...built.problems);
    }
  }
  return { file, text, data: problems.length === 0 ? data : undefined, doc, lineCounter, problems: dedupe(problems) };
}

/** Problems that make parsing pointless: an oversized file, or one that is not text. */
function earlyProblem(file: string, text: string): Problem | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return problem(
      file,
      { line: 1, col: 1 },
      "file-too-large",
      `this file is ${text.length.toLocaleString("en-US")} characters long; a task force file is never more than ${MAX_FILE_CHARS.toLocaleString("en-US")}. Check that this is the right file.`,
    );
  }
  const deep = deepestPoint(text);
  if (deep !== undefined) return tooDeep(file, positionIn(text, deep));
  const bad = BINARY.exec(text);
  if (bad) {
    const char =
      bad[0] === "\uFFFD"
        ? "bytes that are not UTF-8 text"
        : `the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return problem(
      file,
      positionIn(text, bad.index),
      "yaml-binary",
      `this file is not plain text: it contains ${char}. Save it as UTF-8 text in a text editor, or check that this is the right file.`,
    );
  }
  return undefined;
}

/** Nesting this deep is never valid, and the parser would spend seconds (or all memory) on it. */
const MAX_SCAN_DEPTH = 4 * MAX_DEPTH;

/**
 * A quick scan of the text before parsing: the offset where brackets, or indentation and
 * "- " / "? " markers at the start of a line, nest past MAX_SCAN_DEPTH. Skips quotes and comments.
 */
function deepestPoint(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  let lead = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      lead = 0;
      continue;
    }
    if (lineStart) {
      // Spaces, and "- " or "? " markers, before a line's content: each is a level of nesting.
      if (c === 32 || ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10))) {
        if (++lead > MAX_SCAN_DEPTH * 2) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 9)) {
      const end = text.indexOf("\n", i);
      if (end === -1) break;
      i = end - 1;
    } else if (c === 34 || c === 39) {
      // A quoted scalar: skip to its closing quote ("" escapes with \, '' with a doubled quote).
      let j = i + 1;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (c === 34 && d === 92) j++;
        else if (d === c) {
          if (c === 39 && text.charCodeAt(j + 1) === 39) j++;
          else break;
        }
      }
      i = j;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_SCAN_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/**
 * One pass over the parsed nodes, before any data is built: refuses keys that are lists or
 * sections, tags that build non-text values, and nesting deeper than any valid file. Counts
 * aliases, so that the cycle check runs only on files that use them.
 */
function inspect(
  text: string,
  root: unknown,
  at: (offset: number) => { line: number; col: number },
  file: string,
  problems: Problem[],
): { aliases: number } {
  let aliases = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0 && problems.length < 100) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== "object") continue;
    if (isAlias(node)) {
      aliases++;
      continue;
    }
    const range = (node as YamlNode).range;
    const tag = (node as { tag?: string }).tag;
    if (tag && !PLAIN_TAGS.has(tag) && (isScalar(node) || isMap(node) || isSeq(node))) {
      const shown = tag.replace(/^tag:yaml\.org,2002:/, "!!");
      problems.push(
        problem(
          file,
          at(tagStart(text, range?.[0] ?? 0)),
          "yaml-tag",
          `the YAML tag ${shown} is not allowed. Remove it and write plain text, a number, yes, no or unknown.`,
        ),
      );
      continue;
    }
    if (depth > MAX_DEPTH) {
      problems.push(tooDeep(file, at(range?.[0] ?? 0)));
      break;
    }
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (keys.has(key)) {
            problems.push(
              problem(file, at((pair.key as YamlNode).range?.[0] ?? 0), "yaml-duplicate-key", yamlMessage("yaml-duplicate-key", "")),
            );
          }
          keys.add(key);
        }
        if (pair.key !== null && !isScalar(pair.key) && !isAlias(pair.key)) {
          const keyRange = (pair.key as YamlNode).range;
          problems.push(
            problem(
              file,
              at(keyRange?.[0] ?? range?.[0] ?? 0),
              "yaml-complex-key",
              "a field name here is a list or a section. A field name is a plain word followed by a colon, such as `name:`.",
            ),
          );
          continue;
        }
        if (isAlias(pair.key)) aliases++;
        stack.push([pair.value, depth + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push([isPair(item) ? item.value : item, depth + 1]);
    }
  }
  return { aliases };
}

/** The node's range starts at its value; the tag is written just before it on the same line. */
function tagStart(text: string, valueStart: number): number {
  let i = valueStart;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
  let j = i;
  while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
  return text[j] === "!" ? j : valueStart;
}

/** Builds the plain data once. Alias bombs, unresolved aliases and alias cycles become located problems. */
function toData(
  doc: Document.Parsed,
  file: string,
  at: (offset: number) => { line: number; col: number },
  aliases: number,
): { data?: unknown; problems: Problem[] } {
  const fail = (p: Problem) => ({ problems: [p] });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Unresolved alias/i.test(message)) {
      const name = /: (\S+)\s*$/.exec(message)?.[1] ?? "";
      return fail(
        problem(
          file,
          aliasAt(doc, name, at),
          "yaml-alias-unresolved",
          `the alias *${name} refers to no anchor &${name} above it. Write the value out in full, or define &${name} before this line.`,
        ),
      );
    }
    if (/alias/i.test(message)) {
      return fail(
        problem(
          file,
          aliasAt(doc, "", at),
          "yaml-alias-limit",
          `this file repeats aliases (*name) too often to be expanded safely (more than ${MAX_ALIAS_COUNT}). Write the values out instead of using aliases.`,
        ),
      );
    }
    if (error instanceof RangeError) return fail(tooDeep(file, { line: 1, col: 1 }));
    return fail(
      problem(file, { line: 1, col: 1 }, "yaml-syntax", `could not read this YAML: ${message}. Check the file for unusual characters.`),
    );
  }
  if (aliases > 0 && hasCycle(data)) {
    return fail(
      problem(
        file,
        aliasAt(doc, "", at),
        "yaml-alias-cycle",
        "an alias (*name) refers to the section that contains it, which would repeat forever. Write the values out instead of using aliases.",
      ),
    );
  }
  if (data === null || data === undefined) {
    return fail(
      problem(
        file,
        { line: 1, col: 1 },
        "yaml-empty",
        "this file is empty. Start from a copy of an existing scorecard and change the facts; write unknown for anything no source states.",
      ),
    );
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    // A file of one value holds text, a number or yes/no: a YAML scalar.
    const scalar = typeof data === "string" || typeof data === "number" || typeof data === "boolean" ? String(data) : typeof data;
    const what = Array.isArray(data) ? "a list (lines starting with -)" : `a single value (${JSON.stringify(scalar.slice(0, 40))})`;
    const start = doc.contents?.range[0] ?? 0;
    return fail(
      problem(
        file,
        at(start),
        "yaml-not-a-map",
        `this file holds ${what}, but a task force file is a set of fields, one per line, such as \`name: Example County Task Force\`.`,
      ),
    );
  }
  return { data, problems: [] };
}

/**
 * Where the offending alias is: the one named `name`, else the first alias inside its own
 * anchor (a cycle), else the first alias. Found in the parsed nodes, not in comments.
 */
function aliasAt(doc: Document.Parsed, name: string, at: (offset: number) => { line: number; col: number }) {
  let first: number | undefined;
  let chosen: number | undefined;
  const anchors: { name: string; range: readonly number[] }[] = [];
  visit(doc, {
    Node(_key, node) {
      if (node.anchor && node.range) anchors.push({ name: node.anchor, range: node.range });
    },
    Alias(_key, node) {
      const start = node.range?.[0];
      if (start === undefined) return undefined;
      first ??= start;
      const inOwnAnchor = anchors.some((a) => a.name === node.source && a.range[0]! <= start && start < a.range[1]!);
      if ((name && node.source === name) || (!name && inOwnAnchor)) {
        chosen = start;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const offset = chosen ?? first;
  return offset === undefined ? { line: 1, col: 1 } : at(offset);
}

function hasCycle(root: unknown): boolean {
  const onPath = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== "object") return false;
    if (onPath.has(node)) return true;
    onPath.add(node);
    const found = (Array.isArray(node) ? node : Object.values(node)).some(visit);
    onPath.delete(node);
    return found;
  };
  return visit(root);
}

function tooDeep(file: string, at: { line: number; col: number }): Problem {
  return problem(
    file,
    at,
    "yaml-too-deep",
    `this file is nested far more deeply than a task force file ever is (more than ${MAX_DEPTH} levels). Check the indentation and the brackets [ ] and { }.`,
  );
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function yamlMessage(code: ProblemCode, raw: string): string {
  const detail = raw.replace(/\s+at line \d+, column \d+.*$/s, "").trim();
  switch (code) {
    case "yaml-tab":
      return "a tab is used for indentation. Indent with spaces only (two per level).";
    case "yaml-duplicate-key":
      return "this field appears twice in the same section. Keep one of them and delete the other.";
    case "yaml-multiple-documents":
      return "this file holds more than one YAML document (a line with only --- after the start). Describe one task force per file and remove the extra ---.";
    case "yaml-too-deep":
      return tooDeep("", { line: 1, col: 1 }).message;
    case "yaml-tag": {
      const tag = /tag: (\S+)/.exec(detail)?.[1]?.replace(/^tag:yaml\.org,2002:/, "!!") ?? "here";
      return `the YAML tag ${tag} is not allowed. Remove it and write plain text, a number, yes, no or unknown.`;
    }
    default:
      return `YAML syntax error: ${syntaxHint(detail)} Check the indentation and quotes on this line and the one before it.`;
  }
}

/** yaml reports an unclosed quote where the text ends; the mistake is where the quote opened. */
function openQuoteAt(text: string, errorOffset: number): number {
  const re = /^[ \t]*(?:-[ \t]+)?(?:[^\s#"'][^:#\n]*:[ \t]+)?(["'])/gm;
  let found = errorOffset;
  for (let m = re.exec(text); m && m.index < errorOffset; m = re.exec(text)) {
    const quote = m[1]!;
    const lineEnd = text.indexOf("\n", m.index);
    const rest = text.slice(m.index + m[0].length, lineEnd === -1 ? undefined : lineEnd);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
    if (!closed) found = m.index + m[0].length - 1;
  }
  return found;
}

/** yaml's messages, reworded for people who do not know YAML's grammar. */
function syntaxHint(detail: string): string {
  if (detail.includes("at most 1024 chars")) return "a field name is longer than 1,024 characters, or a line is missing its colon.";
  if (/Implicit keys need to be on a single line|Implicit map keys need to be followed by map values/.test(detail))
    return "a line has no colon, or a value spills onto the next line. Put a colon after each field name; put long text in quotes.";
  if (/Missing closing "?quote|Missing closing '?quote/i.test(detail)) return "a quote is opened but never closed.";
  if (/flow (sequence|collection|map)/i.test(detail) || /Expected flow/i.test(detail))
    return "a list in [ ] or a section in { } is not closed properly. Check the brackets and commas.";
  if (detail.includes("Nested mappings are not allowed in compact mappings"))
    return 'a value contains a colon followed by a space. Put the value in quotes, such as note: "Police: 70 officers".';
  if (/All mapping items must start at the same column|bad indentation/i.test(detail))
    return "the fields in this section are not lined up: indent them by the same number of spaces.";
  return `${detail.replace(/\.$/, "")}.`;
}

/**
 * Finds the line and column of the node at `path`. With `part: "key"` it points at the
 * key of the last map entry, which reads best for "unknown field" and "missing field".
 * Falls back to the deepest part of the path that exists.
 */
export function locate(loaded: Loaded, path: DataPath, part: "key" | "value" = "value"): { line: number; col: number } {
  let node: unknown = loaded.doc.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyRange = rangeOf(pair.key);
      if (last && part === "key" && keyRange) return pos(loaded, keyRange[0]);
      node = pair.value;
      best = rangeOf(node) ?? keyRange ?? best;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      best = rangeOf(node) ?? best;
    } else break;
  }
  return best ? pos(loaded, best[0]) : { line: 1, col: 1 };
}

function rangeOf(node: unknown): [number, number] | undefined {
  if (node && typeof node === "object" && "range" in node) {
    const range = (node as YamlNode).range;
    if (range) return [range[0], range[1]];
  }
  return undefined;
}

function pos(loaded: Loaded, offset: number) {
  const { line, col } = loaded.lineCounter.linePos(offset);
  return { line, col };
}
