// Every character a scorecard prints must be in one of the bundled fonts: otherwise Chromium
// would print an empty box, or quietly take a font from the machine. Pure: the coverage of
// the fonts is passed in (src/render/fonts-coverage.json, made from the fonts themselves).
import { isScalar, visit } from "yaml";
import type { Problem } from "../errors.ts";
import type { Loaded } from "../load/load.ts";
import { clusterFace, codePointLabel, hasCodePoint, isCovered, printedCodePoints, type Coverage } from "../render/fonts-coverage-table.ts";

// Made when first needed: creating it costs more than checking a file of plain ASCII.
let segmenter: Intl.Segmenter | undefined;

/** Scripts worth naming in a message, tried in this order. */
const SCRIPTS = [
  "Egyptian_Hieroglyphs",
  "Linear_B",
  "Linear_A",
  "Cuneiform",
  "Runic",
  "Gothic",
  "Ogham",
  "Old_Italic",
  "Phoenician",
  "Hebrew",
  "Syriac",
  "Thaana",
  "Nko",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Tibetan",
  "Myanmar",
  "Georgian",
  "Ethiopic",
  "Cherokee",
  "Canadian_Aboriginal",
  "Mongolian",
  "Lao",
  "Tifinagh",
  "Yi",
  "Javanese",
  "Balinese",
  "Hangul",
  "Han",
  "Hiragana",
  "Katakana",
  "Arabic",
  "Armenian",
  "Thai",
  "Khmer",
  "Cyrillic",
  "Greek",
  "Latin",
] as const;

/** A few plain words on what a character is: "an emoji", "a letter of the Egyptian Hieroglyphs script". */
export function describeCharacter(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (/\p{Extended_Pictographic}/u.test(ch)) return "an emoji";
  if (/\p{Zs}/u.test(ch)) return "a special kind of space";
  if (/\p{Co}/u.test(ch)) return "a private-use character, which means something only to one program or font";
  if (/\p{Cn}/u.test(ch)) return "a code that Unicode does not assign to any character";
  if (/\p{Cs}/u.test(ch)) return "half of a broken character";
  for (const script of SCRIPTS) {
    if (new RegExp(`\\p{Script=${script}}`, "u").test(ch)) return `a character of the ${script.replace(/_/g, " ")} script`;
  }
  if (/\p{S}/u.test(ch)) return "a symbol";
  if (/\p{M}/u.test(ch)) return "a combining accent";
  return "a character";
}

/** Where the character is inside a scalar's source text; the scalar's start when it is written as an escape. */
function offsetOf(text: string, range: readonly number[], needle: string): number {
  const at = text.slice(range[0], range[1]).indexOf(needle);
  return at === -1 ? range[0]! : range[0]! + at;
}

/**
 * Characters that are always a grapheme cluster of their own: Latin letters (precomposed),
 * their punctuation and currency signs, without marks, joiners or the soft hyphen. A value
 * made only of them needs no segmenting: each character is checked on its own.
 */
const SIMPLE = /^[\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*$/;

/** Whether the first (main) family has every character of a SIMPLE value. */
function inFirstFamily(value: string, coverage: Coverage): boolean {
  const first = coverage.families[0];
  if (!first) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7e && !hasCodePoint(first.all, c)) return false;
  }
  return true;
}

/**
 * Reports each character (or letter with accents) in the file's values that no bundled font
 * can print, at the line and column where it is written. Keys and comments are never printed.
 * `reportedElsewhere` names characters that another check reports in every value.
 */
export function fontCoverageChecks(
  loaded: Loaded,
  coverage: Coverage,
  options: { reportedElsewhere?: (cp: number) => boolean } = {},
): Problem[] {
  const problems: Problem[] = [];
  // A file of plain ASCII, as most are, prints with the first font alone (unless an escape such as "\u00e9" makes other characters).
  // eslint-disable-next-line no-control-regex -- \x00-\x7e is ASCII less DEL: the test looks for a character outside it, not for a control character
  if (loaded.problems.length > 0 || !loaded.doc.contents || !/[^\x00-\x7e]|\\/.test(loaded.text)) return problems;
  visit(loaded.doc, {
    Scalar(key, node) {
      if (key === "key" || !isScalar(node) || typeof node.value !== "string" || !node.range) return;
      const value = node.value;
      // Most values are plain ASCII, which the first font always has; most others are Latin
      // letters and punctuation that the first family has, each a cluster of its own.
      if (!/[^\x20-\x7e\t\n\r]/.test(value)) return;
      if (SIMPLE.test(value) && inFirstFamily(value, coverage)) return;
      const reported = new Set<string>();
      for (const { segment } of (segmenter ??= new Intl.Segmenter("und", { granularity: "grapheme" })).segment(value)) {
        if (reported.has(segment) || clusterFace(segment, coverage) !== null) continue;
        reported.add(segment);
        const cps = printedCodePoints(segment);
        const missing = cps.find((cp) => !isCovered(cp, coverage));
        // A character another check explains better (an invisible control): not reported twice.
        if (
          missing !== undefined &&
          options.reportedElsewhere &&
          cps.every((cp) => isCovered(cp, coverage) || options.reportedElsewhere!(cp))
        )
          continue;
        const { line, col } = loaded.lineCounter.linePos(offsetOf(loaded.text, node.range, segment));
        const message =
          missing !== undefined
            ? `the character '${String.fromCodePoint(missing)}' (${codePointLabel(missing)}, ${describeCharacter(missing)}) cannot be printed: none of the fonts that come with the scorecards has it, so the PDF would show an empty box. ${/\p{Zs}/u.test(String.fromCodePoint(missing)) ? "Write an ordinary space instead." : "Remove it, or write the text without it."}`
            : `the letter '${segment}' (${cps.map(codePointLabel).join(" + ")}) cannot be printed as one letter: no font that comes with the scorecards has all of its parts. Write it as a single character, or without the accent.`;
        problems.push({ file: loaded.file, line, col, code: "character-unprintable", severity: "error", message });
      }
    },
  });
  return problems;
}
