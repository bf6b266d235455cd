// The fonts bundled from npm (@fontsource), in the order the page's font-family lists them.
// Pure data and parsing; src/io/fonts.ts reads the packages.

export type FontStyle = "normal" | "italic";

export interface FontFamily {
  /** The CSS family name, as @fontsource declares it. */
  family: string;
  /** The npm package that holds it. */
  pkg: string;
  /** The weights and styles inlined when one of its subsets is needed. */
  variants: readonly { weight: number; style: FontStyle }[];
  /** A font-feature-settings descriptor for its @font-face rules. */
  features?: string;
}

const REGULAR_BOLD = [
  { weight: 400, style: "normal" },
  { weight: 700, style: "normal" },
] as const;

/**
 * Every bundled family, in the order of the CSS font-family stack: a character prints in the
 * first family that has it. Source Sans 3 is the page's face (Latin, Vietnamese, Cyrillic,
 * Greek); Noto Sans fills what it lacks; then one family per script of Los Angeles County.
 * Han characters shared by several CJK families print in the first that has them: Traditional
 * Chinese (as the county's own translations use it), then Simplified, then Japanese. Korean
 * comes last, for Hangul: its Hanja and kana would otherwise split Chinese and Japanese names
 * between two designs.
 */
export const FONT_FAMILIES: readonly FontFamily[] = [
  {
    family: "Source Sans 3",
    pkg: "@fontsource/source-sans-3",
    variants: [
      { weight: 400, style: "normal" },
      { weight: 400, style: "italic" },
      { weight: 600, style: "normal" },
      { weight: 700, style: "normal" },
      // Without it, bold italic text is made by thickening the italic, which Chromium embeds
      // as an unnamed Type 3 font that cannot be searched or copied reliably.
      { weight: 700, style: "italic" },
    ],
  },
  { family: "Noto Sans", pkg: "@fontsource/noto-sans", variants: REGULAR_BOLD },
  { family: "Noto Sans Armenian", pkg: "@fontsource/noto-sans-armenian", variants: REGULAR_BOLD },
  // Its ccmp feature splits dotted letters into a dotless letter and a dot, which PDF readers
  // then copy as broken words; the letters look the same without it.
  { family: "Noto Sans Arabic", pkg: "@fontsource/noto-sans-arabic", variants: REGULAR_BOLD, features: '"ccmp" 0' },
  { family: "Noto Sans Thai", pkg: "@fontsource/noto-sans-thai", variants: REGULAR_BOLD },
  { family: "Noto Sans Khmer", pkg: "@fontsource/noto-sans-khmer", variants: REGULAR_BOLD },
  { family: "Noto Sans TC", pkg: "@fontsource/noto-sans-tc", variants: REGULAR_BOLD },
  { family: "Noto Sans SC", pkg: "@fontsource/noto-sans-sc", variants: REGULAR_BOLD },
  { family: "Noto Sans JP", pkg: "@fontsource/noto-sans-jp", variants: REGULAR_BOLD },
  { family: "Noto Sans KR", pkg: "@fontsource/noto-sans-kr", variants: REGULAR_BOLD },
];

/** The CSS font-family value: bundled families only, no generic fallback that could reach a system font. */
export const FONT_STACK = FONT_FAMILIES.map((f) => `"${f.family}"`).join(", ");

/** One @font-face of one subset, as @fontsource declares it. */
export interface FontFace {
  family: string;
  weight: number;
  style: FontStyle;
  /** The subset's name: "latin", "cyrillic-ext", or a number for CJK pieces. */
  subset: string;
  /** The woff2 file, relative to the package folder, such as "files/noto-sans-kr-12-400-normal.woff2". */
  file: string;
  /** The unicode-range descriptor as written, such as "U+0000-00FF,U+0131". */
  unicodeRange: string;
}

/** The CSS files of a family that hold its bundled variants, such as "400.css" and "400-italic.css". */
export function cssFilesOf(family: FontFamily): string[] {
  return family.variants.map((v) => `${v.weight}${v.style === "italic" ? "-italic" : ""}.css`);
}

/** Reads the @font-face rules of one @fontsource CSS file of the package `pkg`. */
export function parseFontsourceCss(css: string, pkg: string): PackagedFace[] {
  const prefix = `files/${pkg.replace(/^@fontsource\//, "")}-`;
  const faces: PackagedFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const get = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(block)?.[1]?.trim();
    const family = get("font-family")?.replace(/^['"]|['"]$/g, "");
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    const unicodeRange = get("unicode-range");
    const style = get("font-style");
    const weight = Number(get("font-weight"));
    const tail = `-${weight}-${style}.woff2`;
    if (
      !family ||
      !file ||
      !unicodeRange ||
      (style !== "normal" && style !== "italic") ||
      !Number.isInteger(weight) ||
      !file.startsWith(prefix) ||
      !file.endsWith(tail)
    ) {
      throw new Error(`unexpected @font-face rule in ${pkg} (this is a bug): ${block.slice(0, 300)}`);
    }
    faces.push({ pkg, family, weight, style, subset: file.slice(prefix.length, -tail.length), file, unicodeRange });
  }
  return faces;
}

export type PackagedFace = FontFace & { pkg: string; features?: string };
