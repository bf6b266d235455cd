import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit } from "yaml";
import type { Document, ParsedNode } from "yaml";
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

const yamlCodes: Record<string, ProblemCode> = {
  TAB_AS_INDENT: "yaml-tab",
  DUPLICATE_KEY: "yaml-duplicate-key",
};

/** Parses YAML text. Pure: never throws on bad input, and reports every problem it finds. */
export function load(file: string, text: string): Loaded {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, col };
  };
  for (const e of doc.errors) {
    const code: ProblemCode =
      yamlCodes[e.code] ??
      (e.message.includes("multiple documents") || e.code === "MULTIPLE_DOCS" ? "yaml-multiple-documents" : "yaml-syntax");
    problems.push({ file, ...at(e.pos[0]), code, severity: "error", message: yamlMessage(code, e.message) });
  }
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code: ProblemCode = /alias/i.test(message) ? "yaml-alias-limit" : "yaml-syntax";
      problems.push({
        file,
        ...firstAlias(doc, at),
        code,
        severity: "error",
        message:
          code === "yaml-alias-limit"
            ? `this file repeats aliases (*name) too often to be expanded safely (more than ${MAX_ALIAS_COUNT}). Write the values out instead of using aliases.`
            : `could not read this YAML: ${message}`,
      });
    }
    if (problems.length === 0 && (data === null || data === undefined)) {
      problems.push({ file, line: 1, col: 1, code: "yaml-empty", severity: "error", message: "this file is empty. Start from `scorecard new \"Task force name\"`, which writes every field." });
    }
  }
  return { file, text, data: problems.length === 0 ? data : undefined, doc, lineCounter, problems };
}

function yamlMessage(code: ProblemCode, raw: string): string {
  const detail = raw.replace(/\s+at line \d+, column \d+.*$/s, "").trim();
  switch (code) {
    case "yaml-tab":
      return "a tab is used for indentation. Indent with spaces only (two per level).";
    case "yaml-duplicate-key":
      return `${detail.replace(/^Map keys must be unique$/, "this key appears twice in the same section")}. Keep one of them and delete the other.`;
    case "yaml-multiple-documents":
      return "this file holds more than one YAML document (a line with only --- after the start). Describe one task force per file and remove the extra ---.";
    default:
      return `YAML syntax error: ${detail}. Check the indentation and quotes on this line and the one before it.`;
  }
}

function firstAlias(doc: Document.Parsed, at: (offset: number) => { line: number; col: number }) {
  let found: { line: number; col: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) found = at(node.range[0]);
      return visit.BREAK;
    },
  });
  return found ?? { line: 1, col: 1 };
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
    const range = (node as ParsedNode).range;
    if (range) return [range[0], range[1]];
  }
  return undefined;
}

function pos(loaded: Loaded, offset: number) {
  const { line, col } = loaded.lineCounter.linePos(offset);
  return { line, col };
}
