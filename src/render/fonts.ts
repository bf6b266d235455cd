// Which pieces of the bundled fonts a document needs. Pure: the @fontsource CSS and the
// font files are read by src/io/fonts.ts (through readFonts in src/io/theme.ts) and passed in.
//
// @fontsource splits each face into unicode-range subsets (CJK into about 100 pieces). A
// document inlines only the subsets that its text uses, so an English scorecard carries the
// Latin pieces alone, and a name in Korean adds a few small pieces of Noto Sans KR.
import type { PackagedFace } from "./fonts-bundled.ts";
import { clusterFace, codePointLabel, type Coverage } from "./fonts-coverage-table.ts";

/** The bundled families: which characters each prints, and their faces. */
export interface FontLibrary {
  coverage: Coverage;
  /** A family's faces, in the order its CSS declares them (read on first use). */
  facesOf: (family: string) => readonly PackagedFace[];
}

/** A grapheme cluster that no bundled font can print, and where it is in the text. */
export interface Unprintable {
  text: string;
  index: number;
}

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * The distinct grapheme clusters of a text, each with where it first occurs. Plain ASCII,
 * most of any page, is taken a character at a time; only the runs around other characters
 * go through the (slow) segmenter, with the character before each run, which may be the
 * base that its first combining mark belongs to.
 */
export function distinctClusters(text: string): Map<string, number> {
  const found = new Map<string, number>();
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is all of ASCII: the runs outside it are wanted, not control characters
  const nonAscii = /[^\x00-\x7f]+/g;
  let last = 0;
  const ascii = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ch = text[i]!;
      if (!found.has(ch)) found.set(ch, i);
    }
  };
  for (let m = nonAscii.exec(text); m; m = nonAscii.exec(text)) {
    const start = m.index > last ? m.index - 1 : m.index;
    ascii(last, start);
    const end = m.index + m[0].length;
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
      if (!found.has(segment)) found.set(segment, start + index);
    }
    last = end;
  }
  ascii(last, text.length);
  return found;
}

/**
 * Which faces print this text, and which clusters none can. A cluster prints in the first
 * family (and subset) that has every one of its characters, as in Chromium; the subset is
 * then inlined in every bundled weight and style, since any part of the page may be bold.
 */
export function selectFaces(text: string, library: FontLibrary): { faces: PackagedFace[]; unprintable: Unprintable[] } {
  const needed = new Set<string>();
  const unprintable: Unprintable[] = [];
  for (const [segment, index] of distinctClusters(text)) {
    const face = clusterFace(segment, library.coverage);
    if (face === null) unprintable.push({ text: segment, index });
    else if (face !== undefined) needed.add(`${face.family}\u0000${face.subset}`);
    // Uppercased labels (CSS text-transform) may need letters the text itself does not have.
    const upper = segment.toUpperCase();
    if (upper !== segment && segment.length > 0 && !/^[a-z]$/.test(segment)) {
      for (const part of segmenter.segment(upper)) {
        const f = clusterFace(part.segment, library.coverage);
        if (f) needed.add(`${f.family}\u0000${f.subset}`);
      }
    }
  }
  const families = new Set([...needed].map((key) => key.slice(0, key.indexOf("\u0000"))));
  const faces = library.coverage.families
    .filter((f) => families.has(f.family))
    .flatMap((f) => library.facesOf(f.family).filter((face) => needed.has(`${face.family}\u0000${face.subset}`)));
  return { faces, unprintable };
}

/** @font-face rules for the faces, each file inlined as a data: URI; the page can load nothing else. */
export function fontFaceCss(faces: readonly PackagedFace[], base64Of: (pkg: string, file: string) => string): string {
  return faces
    .map((f) =>
      [
        "@font-face {",
        `  font-family: '${f.family}';`,
        `  font-style: ${f.style};`,
        "  font-display: block;",
        `  font-weight: ${f.weight};`,
        `  src: url(data:font/woff2;base64,${base64Of(f.pkg, f.file)}) format('woff2');`,
        `  unicode-range: ${f.unicodeRange};`,
        ...(f.features ? [`  font-feature-settings: ${f.features};`] : []),
        "}",
      ].join("\n"),
    )
    .join("\n");
}

/** The fonts a renderer needs: the faces and their coverage, a reader for their data, and a fingerprint for the build manifest. */
export interface Fonts {
  library: FontLibrary;
  /** A face's woff2 file as base64 (read at the edge, cached). */
  base64: (pkg: string, file: string) => string;
  /** Changes whenever the bundled fonts do: packages, versions, families, faces. */
  fingerprint: string;
}

/** The text a page prints: its body without tags, with numeric character references decoded. */
export function printedText(html: string): string {
  const headEnd = html.indexOf("</head>");
  const body = headEnd === -1 ? html : html.slice(headEnd);
  return body.replace(/<[^>]*>/g, " ").replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (_, n: string) => {
    const cp = n.startsWith("x") || n.startsWith("X") ? parseInt(n.slice(1), 16) : Number(n);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
  });
}

/** "U+13000" */

/**
 * Adds @font-face rules for exactly the faces the page's text needs, just before </head>.
 * `extraText` is printed text that is not in the body, such as the page margins' CSS content.
 * A character no bundled font has is an error, never a silent fallback to a system font;
 * validation reports those in the data, so this catches the rest (a file name, a label).
 */
export function inlineFonts(html: string, fonts: Fonts, extraText = ""): string {
  const { faces, unprintable } = selectFaces(`${printedText(html)}\n${extraText}`, fonts.library);
  if (unprintable.length > 0) {
    const shown = unprintable
      .slice(0, 5)
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- every code point of the text is named (U+0301), so splitting into code points is the point
      .map((u) => `'${u.text}' (${[...u.text].map((ch) => codePointLabel(ch.codePointAt(0)!)).join(" ")})`)
      .join(", ");
    throw new Error(
      `it would show ${shown}, which none of the bundled fonts can print. Remove or replace ${unprintable.length === 1 ? "that character" : "those characters"}`,
    );
  }
  const css = `<style>\n${fontFaceCss(faces, fonts.base64)}\n</style>\n`;
  const at = html.indexOf("</head>");
  return at === -1 ? css + html : html.slice(0, at) + css + html.slice(at);
}
