// The characters that print nothing, yet change what a reader sees: direction controls that
// reorder text, invisible spaces and joiners, hidden tag letters. Pure data and lookups; the
// check that reports them is invisible-characters.ts.
//
// The rule: every Default_Ignorable_Code_Point (Unicode's own list of characters that a
// renderer may show as nothing) is refused, and so are the interlinear annotation controls,
// except in the few places where a script needs one (see allowedAt in invisible-characters.ts).
// A test checks that this table covers every Default_Ignorable_Code_Point Node knows.

import { codePointLabel } from "../render/fonts-coverage-table.ts";

/** What a character does, which decides the words of its message. */
export type Effect =
  | "reverse" // the text after it displays backwards
  | "force-ltr" // right-to-left words after it display backwards
  | "direction" // the text after it takes another direction
  | "isolate" // the text after it is set apart, in a direction of its own
  | "pop" // ends a change of direction
  | "mark" // moves the words and punctuation beside it
  | "space" // an invisible space or word break
  | "joiner" // joins or separates letters, where a script does not use it
  | "hyphen" // a hyphen that shows only at a line break
  | "variant" // chooses a form of the character before it, which has none
  | "tag" // a hidden copy of a letter
  | "annotation" // marks text as a note on other text
  | "blank"; // prints as nothing

interface Entry {
  from: number;
  to: number;
  /** The Unicode name, or how to make it from the code point. */
  name: string | ((cp: number) => string);
  effect: Effect;
}

const variationSelector = (cp: number) => `VARIATION SELECTOR-${cp >= 0xe0100 ? cp - 0xe0100 + 17 : cp - 0xfe00 + 1}`;
const digits = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
function tagName(cp: number): string {
  const ascii = cp - 0xe0000;
  if (ascii >= 0x61 && ascii <= 0x7a) return `TAG LATIN SMALL LETTER ${String.fromCharCode(ascii - 32)}`;
  if (ascii >= 0x41 && ascii <= 0x5a) return `TAG LATIN CAPITAL LETTER ${String.fromCharCode(ascii)}`;
  if (ascii >= 0x30 && ascii <= 0x39) return `TAG DIGIT ${digits[ascii - 0x30]}`;
  if (ascii === 0x20) return "TAG SPACE";
  return `TAG ${JSON.stringify(String.fromCharCode(ascii))}`;
}

/**
 * Every character refused, with the reason for each. Sorted by code point.
 * A name needs no direction control: the scorecard already sets each name and note apart
 * (dir=auto, <bdi>), so Arabic and Farsi print right to left, and English beside them stays in order.
 */
const TABLE: readonly Entry[] = [
  // A soft hyphen shows only where a line happens to break; pasted from web pages, it makes
  // two spellings of one name (the duplicate-member check and any search would miss it).
  { from: 0xad, to: 0xad, name: "SOFT HYPHEN", effect: "hyphen" },
  // The combining grapheme joiner only changes how accents sort; no name needs it.
  { from: 0x34f, to: 0x34f, name: "COMBINING GRAPHEME JOINER", effect: "blank" },
  // The Arabic letter mark is a right-to-left mark for Arabic numbers and punctuation:
  // invisible, and it moves what is beside it. The scorecard isolates Arabic and Farsi text already.
  { from: 0x61c, to: 0x61c, name: "ARABIC LETTER MARK", effect: "mark" },
  // Hangul fillers stand for a missing part of a syllable in old-style spelling: modern Korean
  // is written in whole syllables (한국), and a filler alone prints as a blank.
  { from: 0x115f, to: 0x115f, name: "HANGUL CHOSEONG FILLER", effect: "blank" },
  { from: 0x1160, to: 0x1160, name: "HANGUL JUNGSEONG FILLER", effect: "blank" },
  // Khmer inherent vowels: Unicode says not to use them; they print as nothing.
  { from: 0x17b4, to: 0x17b4, name: "KHMER VOWEL INHERENT AQ", effect: "blank" },
  { from: 0x17b5, to: 0x17b5, name: "KHMER VOWEL INHERENT AA", effect: "blank" },
  // Mongolian free variation selectors: allowed after a Mongolian letter (whose font check
  // already reports that no bundled font has it); anywhere else they are hidden.
  {
    from: 0x180b,
    to: 0x180d,
    name: (cp) => `MONGOLIAN FREE VARIATION SELECTOR ${["ONE", "TWO", "THREE"][cp - 0x180b]}`,
    effect: "variant",
  },
  // The Mongolian vowel separator was once a space; it is a known way to hide a break in a word.
  { from: 0x180e, to: 0x180e, name: "MONGOLIAN VOWEL SEPARATOR", effect: "space" },
  { from: 0x180f, to: 0x180f, name: "MONGOLIAN FREE VARIATION SELECTOR FOUR", effect: "variant" },
  // A zero-width space hides a word break: the name looks the same, but is not.
  { from: 0x200b, to: 0x200b, name: "ZERO WIDTH SPACE", effect: "space" },
  // Joiners: allowed between two letters of a script that uses them (Farsi ایرانی‌تبار,
  // Devanagari conjuncts, Khmer, emoji sequences); elsewhere they do nothing visible.
  { from: 0x200c, to: 0x200c, name: "ZERO WIDTH NON-JOINER", effect: "joiner" },
  { from: 0x200d, to: 0x200d, name: "ZERO WIDTH JOINER", effect: "joiner" },
  // Marks: invisible, and they move the words and punctuation beside them; a name needs
  // none, since the scorecard sets the direction of each name itself.
  { from: 0x200e, to: 0x200e, name: "LEFT-TO-RIGHT MARK", effect: "mark" },
  { from: 0x200f, to: 0x200f, name: "RIGHT-TO-LEFT MARK", effect: "mark" },
  // Embeddings and overrides reorder everything after them: "Trojan Source" text.
  { from: 0x202a, to: 0x202a, name: "LEFT-TO-RIGHT EMBEDDING", effect: "direction" },
  { from: 0x202b, to: 0x202b, name: "RIGHT-TO-LEFT EMBEDDING", effect: "direction" },
  { from: 0x202c, to: 0x202c, name: "POP DIRECTIONAL FORMATTING", effect: "pop" },
  { from: 0x202d, to: 0x202d, name: "LEFT-TO-RIGHT OVERRIDE", effect: "force-ltr" },
  { from: 0x202e, to: 0x202e, name: "RIGHT-TO-LEFT OVERRIDE", effect: "reverse" },
  // The word joiner is an invisible no-break: no name needs one.
  { from: 0x2060, to: 0x2060, name: "WORD JOINER", effect: "space" },
  // Invisible mathematical operators: meant for formulas, never for names.
  { from: 0x2061, to: 0x2061, name: "FUNCTION APPLICATION", effect: "blank" },
  { from: 0x2062, to: 0x2062, name: "INVISIBLE TIMES", effect: "blank" },
  { from: 0x2063, to: 0x2063, name: "INVISIBLE SEPARATOR", effect: "blank" },
  { from: 0x2064, to: 0x2064, name: "INVISIBLE PLUS", effect: "blank" },
  // Unassigned, and reserved for characters that print nothing.
  { from: 0x2065, to: 0x2065, name: "an unassigned code", effect: "blank" },
  // Isolates set the text after them apart, in a direction of their own, until U+2069.
  { from: 0x2066, to: 0x2066, name: "LEFT-TO-RIGHT ISOLATE", effect: "isolate" },
  { from: 0x2067, to: 0x2067, name: "RIGHT-TO-LEFT ISOLATE", effect: "isolate" },
  { from: 0x2068, to: 0x2068, name: "FIRST STRONG ISOLATE", effect: "isolate" },
  { from: 0x2069, to: 0x2069, name: "POP DIRECTIONAL ISOLATE", effect: "pop" },
  // Deprecated formatting controls: they switch how the letters around them are shaped.
  {
    from: 0x206a,
    to: 0x206f,
    name: (cp) =>
      [
        "INHIBIT SYMMETRIC SWAPPING",
        "ACTIVATE SYMMETRIC SWAPPING",
        "INHIBIT ARABIC FORM SHAPING",
        "ACTIVATE ARABIC FORM SHAPING",
        "NATIONAL DIGIT SHAPES",
        "NOMINAL DIGIT SHAPES",
      ][cp - 0x206a]!,
    effect: "blank",
  },
  // The Hangul filler is a blank letter: a name made of it looks empty, or like another.
  { from: 0x3164, to: 0x3164, name: "HANGUL FILLER", effect: "blank" },
  // Variation selectors: allowed after a Han character (its variant forms) and after an emoji
  // or symbol (text or emoji style); anywhere else they print as nothing, and can hide data.
  { from: 0xfe00, to: 0xfe0f, name: variationSelector, effect: "variant" },
  // The byte order mark belongs only at the very start of a file (where it is allowed);
  // inside a value it is a zero-width no-break space.
  { from: 0xfeff, to: 0xfeff, name: "ZERO WIDTH NO-BREAK SPACE, the byte order mark", effect: "space" },
  { from: 0xffa0, to: 0xffa0, name: "HALFWIDTH HANGUL FILLER", effect: "blank" },
  { from: 0xfff0, to: 0xfff8, name: "an unassigned code", effect: "blank" },
  // Interlinear annotations mark part of the text as a note on another part: not default
  // ignorable, but a renderer may hide the note or print it out of place.
  { from: 0xfff9, to: 0xfff9, name: "INTERLINEAR ANNOTATION ANCHOR", effect: "annotation" },
  { from: 0xfffa, to: 0xfffa, name: "INTERLINEAR ANNOTATION SEPARATOR", effect: "annotation" },
  { from: 0xfffb, to: 0xfffb, name: "INTERLINEAR ANNOTATION TERMINATOR", effect: "annotation" },
  // Shorthand (Duployan) and musical format controls: meaningless in a name.
  {
    from: 0x1bca0,
    to: 0x1bca3,
    name: (cp) =>
      ["SHORTHAND FORMAT LETTER OVERLAP", "SHORTHAND FORMAT CONTINUING OVERLAP", "SHORTHAND FORMAT DOWN STEP", "SHORTHAND FORMAT UP STEP"][
        cp - 0x1bca0
      ]!,
    effect: "blank",
  },
  { from: 0x1d173, to: 0x1d17a, name: "a musical formatting code", effect: "blank" },
  // Tag characters are hidden copies of ASCII letters: they can carry text no reader sees.
  // Allowed only inside a flag's tag sequence (🏴 + letters + CANCEL TAG), which the font check
  // reports anyway, since no bundled font has emoji.
  { from: 0xe0000, to: 0xe0000, name: "an unassigned code", effect: "blank" },
  { from: 0xe0001, to: 0xe0001, name: "LANGUAGE TAG", effect: "tag" },
  { from: 0xe0002, to: 0xe001f, name: "an unassigned code", effect: "blank" },
  { from: 0xe0020, to: 0xe007e, name: tagName, effect: "tag" },
  { from: 0xe007f, to: 0xe007f, name: "CANCEL TAG", effect: "tag" },
  { from: 0xe0080, to: 0xe00ff, name: "an unassigned code", effect: "blank" },
  // Variation selectors 17-256: ideographic variants, allowed after a Han character only.
  { from: 0xe0100, to: 0xe01ef, name: variationSelector, effect: "variant" },
  { from: 0xe01f0, to: 0xe0fff, name: "an unassigned code", effect: "blank" },
];

/** The entry for a code point, or undefined for every character that may be printed. */
export function formatCharacter(cp: number): { name: string; effect: Effect } | undefined {
  // Almost every character is below the first entry; the rest are few enough to scan.
  if (cp < 0xad) return undefined;
  for (const e of TABLE) {
    if (cp < e.from) return undefined;
    if (cp <= e.to) return { name: typeof e.name === "string" ? e.name : e.name(cp), effect: e.effect };
  }
  return undefined;
}

/** A quick test: could this text hold any character of the table? */
export const MAY_HOLD_FORMAT = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;

/**
 * The entry of a character that would reorder or hide the text around it; undefined for
 * every other character, joiners and variation selectors included (they only shape the
 * letters beside them).
 */
export function hidingCharacter(cp: number): { name: string; effect: Effect } | undefined {
  const entry = formatCharacter(cp);
  return entry && entry.effect !== "joiner" && entry.effect !== "variant" ? entry : undefined;
}

/** The first such character of a text, and where it is (in UTF-16 units). */
export function firstHidingCharacter(text: string): { cp: number; name: string; at: number } | undefined {
  if (!MAY_HOLD_FORMAT.test(text)) return undefined;
  let at = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const entry = hidingCharacter(cp);
    if (entry) return { cp, name: entry.name, at };
    at += ch.length;
  }
  return undefined;
}

/**
 * Text as it may be quoted in a message: each character of the table that would reorder or
 * hide what a terminal shows is written as <U+202E>. Joiners and variation selectors stay,
 * since they only shape the letters beside them.
 */
export function visibleText(text: string): string {
  if (!MAY_HOLD_FORMAT.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += hidingCharacter(cp) ? `<${codePointLabel(cp)}>` : ch;
  }
  return out;
}
