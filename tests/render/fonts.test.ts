// The bundled fonts: the coverage table matches the fonts, a page inlines only the pieces its
// text needs, and no font-family can reach a font of the machine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedHash } from "../../src/batch/inputs.ts";
import { TEMPLATES_DIR } from "../../src/cli/context.ts";
import { readFontCoverageTable, readFontFile } from "../../src/io/fonts.ts";
import { readFonts, readTheme } from "../../src/io/theme.ts";
import { FONT_FAMILIES, FONT_STACK } from "../../src/render/fonts-bundled.ts";
import { bundledCoverage } from "../../src/render/fonts-coverage.ts";
import { clusterFace, hasCodePoint, parseRanges } from "../../src/render/fonts-coverage-table.ts";
import { inlineFonts, selectFaces } from "../../src/render/fonts.ts";
import { woff2Coverage } from "../../src/render/woff2.ts";
import table from "../../src/render/fonts-coverage.json" with { type: "json" };
import { LA_FILE, loadTaskForce, render } from "../pdf/setup.ts";

const fonts = readFonts();
const faceNames = (text: string) => selectFaces(text, fonts.library).faces.map((f) => `${f.family} ${f.subset} ${f.weight}${f.style}`);

describe("the coverage table", () => {
  it("is what the installed fonts' cmaps say (run npm run fonts:coverage if this fails)", () => {
    expect(readFontCoverageTable()).toEqual(table);
  });

  it("lists every bundled family, in the order of the font-family stack", () => {
    expect(table.families.map((f) => f.family)).toEqual(FONT_FAMILIES.map((f) => f.family));
  });

  it("is narrower than the CSS unicode-range where a font lacks glyphs", () => {
    // Source Sans 3's latin subset claims U+2000-206F, but has only some of those characters.
    const latin = parseRanges(table.families[0]!.subsets.find(([s]) => s === "latin")![1]!);
    expect(hasCodePoint(latin, 0x2014)).toBe(true); // em dash
    expect(hasCodePoint(latin, 0x2061)).toBe(false); // function application: no glyph
  });
});

describe("the woff2 reader", () => {
  it("reads the characters of a font from its cmap", () => {
    const ranges = Uint32Array.from(
      woff2Coverage(readFontFile("@fontsource/source-sans-3", "files/source-sans-3-latin-400-normal.woff2")).flat(),
    );
    for (const ch of "Az09é€") expect(hasCodePoint(ranges, ch.codePointAt(0)!), ch).toBe(true);
    expect(hasCodePoint(ranges, 0x4e00)).toBe(false);
  });

  it("refuses what is not a woff2 font", () => {
    expect(() => woff2Coverage(new TextEncoder().encode("not a font at all, just some text"))).toThrow(/not a WOFF2/);
  });
});

describe("choosing the font pieces for a text", () => {
  it("inlines only Source Sans 3's Latin piece for English and Spanish", () => {
    const latin = ["latin 400normal", "latin 400italic", "latin 600normal", "latin 700normal", "latin 700italic"].map(
      (s) => `Source Sans 3 ${s}`,
    );
    expect(faceNames("Task force — “scorecard”, 6,86 % • 21 de agosto de 2018, año, niños, ¿Qué?")).toEqual(latin);
  });

  it("adds a script's piece, in every bundled weight, only when the text uses it", () => {
    expect(faceNames("Nguyễn")).toEqual(
      expect.arrayContaining(["Source Sans 3 vietnamese 400normal", "Source Sans 3 vietnamese 700normal"]),
    );
    expect(faceNames("Иван")).toContain("Source Sans 3 cyrillic 400normal");
    expect(faceNames("مركز").filter((n) => n.startsWith("Noto Sans Arabic"))).toEqual([
      "Noto Sans Arabic arabic 400normal",
      "Noto Sans Arabic arabic 700normal",
    ]);
    const korean = faceNames("한").filter((n) => n.startsWith("Noto Sans KR"));
    expect(korean).toHaveLength(2);
    expect(faceNames("Հայ")).toContain("Noto Sans Armenian armenian 400normal");
    expect(faceNames("ไทย")).toContain("Noto Sans Thai thai 400normal");
    expect(faceNames("ខ្មែរ")).toContain("Noto Sans Khmer khmer 400normal");
  });

  it("prints Han characters in Traditional Chinese first, and kana and Hangul in the families that have them", () => {
    expect(clusterFace("華", bundledCoverage())?.family).toBe("Noto Sans TC");
    expect(clusterFace("华", bundledCoverage())).toBeTruthy();
    expect(clusterFace("の", bundledCoverage())).toBeTruthy();
    expect(clusterFace("한", bundledCoverage())?.family).toBe("Noto Sans KR");
  });

  it("treats a letter written with separate accents as the letter it composes to", () => {
    expect(clusterFace("e\u0302\u0301", bundledCoverage())).toEqual(clusterFace("ế", bundledCoverage()));
  });

  it("needs no glyph for line breaks, joiners and variation selectors", () => {
    for (const ch of ["\n", "\u200d", "\u200c", "\ufe0f", "\u00ad"]) expect(clusterFace(ch, bundledCoverage()), ch).toBeUndefined();
  });

  it("reports what no font has, and refuses to render a page that would show it", () => {
    expect(selectFaces("ok 𓀀 ok", fonts.library).unprintable).toEqual([{ text: "𓀀", index: 3 }]);
    const page = "<html><head><title>t</title></head><body><p>Example 𐀀</p></body></html>";
    expect(() => inlineFonts(page, fonts)).toThrow(/'𐀀' \(U\+10000\).*none of the bundled fonts/);
  });
});

describe("the scorecard's fonts", () => {
  const css = readFileSync(join(TEMPLATES_DIR, "scorecard.css"), "utf8");

  it("lists only bundled families in every font-family, with no generic family that could reach a system font", () => {
    const stacks = [...css.matchAll(/font-family:\s*([^;}]+)/g)].map((m) => m[1]!.trim());
    expect(stacks.length).toBeGreaterThanOrEqual(6);
    for (const stack of stacks) expect(stack).toBe(FONT_STACK);
    expect(css).not.toMatch(/\b(sans-serif|serif|monospace|system-ui|cursive|fantasy)\b/);
  });

  it("keeps the English Los Angeles scorecard small: Latin pieces only, under 370 KB", () => {
    const { html } = render(loadTaskForce(LA_FILE));
    expect(Buffer.byteLength(html)).toBeLessThan(370_000);
    const families = [...html.matchAll(/font-family: '([^']+)';\n\s*font-style: (\w+);[\s\S]*?unicode-range: ([^;]+);/g)].map((m) => m[1]);
    expect(new Set(families)).toEqual(new Set(["Source Sans 3"]));
    expect(html).not.toMatch(/url\((?!data:|#)/);
  });

  it("is part of what every build depends on, so new fonts rebuild every scorecard", () => {
    const theme = readTheme(TEMPLATES_DIR);
    const parts = { tool: "t", rubric: "r", theme, config: "c" };
    const other = {
      ...parts,
      theme: { ...theme, fonts: { ...theme.fonts, fingerprint: theme.fonts.fingerprint + " @fontsource/noto-sans-kr@5.4.0" } },
    };
    expect(sharedHash(other)).not.toBe(sharedHash(parts));
  });
});
