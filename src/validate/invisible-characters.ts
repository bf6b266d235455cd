// Invisible characters in printed values: a right-to-left override makes a name print
// reversed in the PDF's title and on page 1, a zero-width space makes two spellings of one
// name. Each is an error at its own line and column. Pure. Which characters, and why, is the
// table in format-characters.ts; the few places a script needs one are allowedAt below.
import { isMap, isScalar, isSeq, Scalar } from "yaml";
import type { Problem } from "../errors.ts";
import type { DataPath, Loaded } from "../load/load.ts";
import { codePointLabel } from "../render/fonts-coverage-table.ts";
import { formatCharacter, MAY_HOLD_FORMAT, visibleText, type Effect } from "./format-characters.ts";
import { pathLabel } from "./messages.ts";

/** Past this many in one value, the rest are counted in one more problem: one pasted text can hold hundreds. */
export const MAX_PER_VALUE = 10;

/** Scripts whose words use the zero-width joiner and non-joiner between their letters. */
const JOINING_SCRIPTS = [
  "Arabic",
  "Syriac",
  "Nko",
  "Mongolian",
  "Adlam",
  "Hanifi_Rohingya",
  "Mandaic",
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
  "Khmer",
  "Myanmar",
  "Tibetan",
].map((s) => new RegExp(`\\p{scx=${s}}`, "u"));

const LETTER = /^[\p{L}\p{M}]$/u;
const MARK = /^\p{M}$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** What may stand between an emoji and the joiner after it: emoji style, a skin tone, a flag's tags. */
const EMOJI_TAIL = /^(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}])$/u;
const EMOJI = /^\p{Emoji}$/u;
const HAN_LETTER = /^(?=\p{scx=Han})\p{L}$/u;
const MONGOLIAN_LETTER = /^(?=\p{scx=Mongolian})\p{L}$/u;

/** The joining scripts a character belongs to, as indexes into JOINING_SCRIPTS. */
function joiningScripts(ch: string | undefined): number[] {
  if (ch === undefined) return [];
  return JOINING_SCRIPTS.flatMap((re, i) => (re.test(ch) ? [i] : []));
}

/**
 * A joiner or non-joiner is needed only between two letters of one script that uses it
 * (ایرانی‌تبار, क्‍ष), or between two emoji of a sequence. At the start or end of a value,
 * beside a space or punctuation, or in Latin text, it does nothing visible.
 */
function joinerAllowed(cps: readonly string[], i: number): boolean {
  const next = cps[i + 1];
  if (cps[i] === "\u200D" && next !== undefined && PICTOGRAPH.test(next)) {
    let j = i - 1;
    while (j >= 0 && EMOJI_TAIL.test(cps[j]!)) j--;
    if (j >= 0 && PICTOGRAPH.test(cps[j]!)) return true;
  }
  // Accents that belong to no script in particular (such as U+0301) take the script of their letter.
  let j = i - 1;
  while (j >= 0 && MARK.test(cps[j]!) && joiningScripts(cps[j]).length === 0) j--;
  const before = cps[j];
  if (before === undefined || next === undefined || !LETTER.test(before) || !LETTER.test(next)) return false;
  const after = joiningScripts(next);
  return joiningScripts(before).some((s) => after.includes(s));
}

/** Positions of the tag characters of well-formed flag sequences (🏴 + 2-7 lower-case letters or digits + CANCEL TAG). */
function flagTags(cps: readonly string[]): Set<number> {
  const ok = new Set<number>();
  for (let i = 0; i < cps.length; i++) {
    if (!PICTOGRAPH.test(cps[i]!)) continue;
    let j = i + 1;
    while (j < cps.length && /^[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]$/u.test(cps[j]!)) j++;
    if (cps[j] === "\u{E007F}" && j - i - 1 >= 2 && j - i - 1 <= 7) for (let k = i + 1; k <= j; k++) ok.add(k);
  }
  return ok;
}

/** Whether the format character at `i` is one a script needs there. */
function allowedAt(cps: readonly string[], i: number, tags: ReadonlySet<number>): boolean {
  const cp = cps[i]!.codePointAt(0)!;
  const prev = cps[i - 1];
  if (cp === 0x200c || cp === 0x200d) return joinerAllowed(cps, i);
  // One variation selector after a character that has variants: Han forms, emoji or text style.
  if (cp >= 0xfe00 && cp <= 0xfe0f) {
    if (prev === undefined) return false;
    if (HAN_LETTER.test(prev)) return true;
    return cp >= 0xfe0e && EMOJI.test(prev);
  }
  if (cp >= 0xe0100 && cp <= 0xe01ef) return prev !== undefined && HAN_LETTER.test(prev);
  if ((cp >= 0x180b && cp <= 0x180d) || cp === 0x180f) return prev !== undefined && MONGOLIAN_LETTER.test(prev);
  if (cp >= 0xe0020 && cp <= 0xe007f) return tags.has(i);
  return false;
}

/** Where each character of the table is written in the file: the character itself, or the escape (in "...") that makes it. */
function sourceOccurrences(text: string, node: Scalar): { offset: number; escape?: string }[] {
  const [start, end] = node.range!;
  let from = start;
  // A block scalar's first line is its indicator (| or >), and may hold a comment.
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const nl = text.indexOf("\n", start);
    from = nl === -1 || nl >= end ? end : nl + 1;
  }
  const source = text.slice(from, end);
  const out: { offset: number; escape?: string }[] = [];
  if (node.type === Scalar.QUOTE_DOUBLE) {
    for (const m of source.matchAll(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|[\s\S])|[\s\S]/gu)) {
      const hex = m[1] ?? m[2] ?? m[3];
      const cp = hex !== undefined ? parseInt(hex, 16) : m[0].length <= 2 && !m[0].startsWith("\\") ? m[0].codePointAt(0)! : -1;
      if (cp >= 0 && formatCharacter(cp))
        out.push(hex !== undefined ? { offset: from + m.index, escape: m[0] } : { offset: from + m.index });
    }
    return out;
  }
  let offset = from;
  for (const ch of source) {
    if (formatCharacter(ch.codePointAt(0)!)) out.push({ offset });
    offset += ch.length;
  }
  return out;
}

const CONTROL: ReadonlySet<Effect> = new Set(["reverse", "force-ltr", "direction", "isolate", "pop", "mark", "annotation"]);

/** What the character does to the text, in plain words; `what` is "the name" or "the text". */
function effectWords(effect: Effect, what: string, cp: number): string {
  const misread = `so ${what} would read differently from what it is`;
  switch (effect) {
    case "reverse":
      return `it makes the text that follows display reversed, ${misread}`;
    case "force-ltr":
      return `it forces the text that follows to display left to right, so any Arabic or Farsi in it would display reversed and ${what} would read differently from what it is`;
    case "direction":
      return `it changes the direction in which the text that follows is displayed, which can put its words and punctuation out of order, ${misread}`;
    case "isolate":
      return `it sets the text that follows apart, in a direction of its own, which can put its words and punctuation out of order, ${misread}`;
    case "pop":
      return `it ends a change of direction, and can put the words and punctuation around it out of order, ${misread}`;
    case "mark":
      return `it is an invisible direction mark that moves the words and punctuation beside it, so ${what} could read differently from what it is (the scorecard already sets the direction of every name and note itself)`;
    case "space":
      return `it is an invisible space: ${what} looks the same without it but is not the same text, so a search for it, or the check for a member listed twice, would miss it`;
    case "joiner":
      return `it joins or separates letters only inside a word of a script that needs it, such as Farsi or Devanagari; here it does nothing visible, so ${what} is not what it looks like`;
    case "hyphen":
      return `it is a hidden hyphen that shows only where a line happens to break, so ${what} is not the text it looks like`;
    case "variant":
      return `it would choose another form of the character before it, but that character has no such form here, so it prints as nothing and can hide data in ${what}`;
    case "tag":
      return cp > 0xe0020 && cp < 0xe007f
        ? `it is a hidden copy of '${String.fromCharCode(cp - 0xe0000)}', which prints as nothing, so it can carry text that no reader sees`
        : "it is a hidden marker for tag letters, which print as nothing, so it can carry text that no reader sees";
    case "annotation":
      return "it marks part of the text as a note on another part, so that part could be hidden or printed out of place";
    case "blank":
      return `it prints as nothing, so ${what} is not what it looks like`;
  }
}

/** The last few characters before the one found, as they read in a message. */
function context(cps: readonly string[], i: number): string {
  const before = cps
    .slice(Math.max(0, i - 20), i)
    .join("")
    .replace(/\s+/g, " ")
    .trimStart();
  if (before.trim() === "") return "at the start";
  return `after '${i > 20 ? "..." : ""}${visibleText(before)}'`;
}

interface Hit {
  index: number;
  cp: number;
}

/** The problems of one value: each character found, then the count of any past MAX_PER_VALUE. */
function valueProblems(loaded: Loaded, node: Scalar, value: string, path: DataPath): Problem[] {
  const cps = Array.from(value);
  const tags = flagTags(cps);
  const found: number[] = [];
  const hits: Hit[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!.codePointAt(0)!;
    if (!formatCharacter(cp)) continue;
    found.push(i);
    if (!allowedAt(cps, i, tags)) hits.push({ index: i, cp });
  }
  if (hits.length === 0) return [];
  // The n-th such character in the value is the n-th written in the file, unless the two disagree (then: the value's start).
  const written = sourceOccurrences(loaded.text, node);
  const whereOf = (index: number) => (written.length === found.length ? written[found.indexOf(index)]! : { offset: node.range![0] });
  const last = path[path.length - 1];
  const what = last === "name" || last === "title" ? `the ${last}` : "the text";
  const retype = what === "the text" ? "that part of the text" : what;
  const field = pathLabel(path);
  const at = (offset: number) => {
    const { line, col } = loaded.lineCounter.linePos(offset);
    return { file: loaded.file, line, col };
  };
  const problems: Problem[] = hits.slice(0, MAX_PER_VALUE).map(({ index, cp }) => {
    const entry = formatCharacter(cp)!;
    const where = whereOf(index);
    const fix = where.escape
      ? `It is written as the escape ${where.escape}: delete that escape.`
      : `Delete it: retype ${retype} without copying it from elsewhere.`;
    const kind = CONTROL.has(entry.effect) ? "control character" : "character";
    return {
      ...at(where.offset),
      code: "character-invisible",
      severity: "error",
      message: `${field} contains an invisible ${kind}, ${codePointLabel(cp)} (${entry.name}), ${context(cps, index)}: ${effectWords(entry.effect, what, cp)}. ${fix}`,
    };
  });
  const rest = hits.slice(MAX_PER_VALUE);
  if (rest.length > 0) {
    const labels = [...new Set(rest.map((h) => codePointLabel(h.cp)))];
    problems.push({
      ...at(whereOf(rest[0]!.index).offset),
      code: "character-invisible",
      severity: "error",
      message: `${field} contains ${rest.length} more invisible characters from here on (${labels.slice(0, 3).join(", ")}${labels.length > 3 ? " and others" : ""}). Delete them: retype ${retype} without copying it from elsewhere.`,
    });
  }
  return problems;
}

/**
 * Reports every invisible character in the file's values that could make the printed text
 * read differently from what it is. Keys and comments are never printed, so never checked
 * here (a key with one is an unknown field to the schema).
 */
export function invisibleCharacterChecks(loaded: Loaded): Problem[] {
  // Most files hold none, and no escape that could write one.
  if (loaded.problems.length > 0 || !loaded.doc.contents || (!MAY_HOLD_FORMAT.test(loaded.text) && !loaded.text.includes("\\"))) return [];
  const problems: Problem[] = [];
  const walk = (node: unknown, path: DataPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : "?"]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (isScalar(node) && typeof node.value === "string" && node.range && MAY_HOLD_FORMAT.test(node.value)) {
      problems.push(...valueProblems(loaded, node, node.value, path));
    }
  };
  walk(loaded.doc.contents, []);
  return problems;
}
