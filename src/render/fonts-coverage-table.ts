// Which characters the bundled fonts can print, worked out from a coverage table. Pure.
// The table (fonts-coverage.json) is made from the fonts' own cmaps by `npm run fonts:coverage`.

/** The generated file: per family, in font-family order, the characters each subset prints. */
export interface CoverageFile {
  note: string;
  /** The font packages and versions it was made from. */
  packages: Record<string, string>;
  /** Each subset's name and characters as hex ranges ("20-7e,a0-ff,131"), in the order the CSS declares them. */
  families: { family: string; subsets: [string, string][] }[];
}

/** How messages name a code point: "U+13000". */
export const codePointLabel = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** Sorted ranges, flattened: [first0, last0, first1, last1, ...]. */
type Ranges = Uint32Array;

export interface Coverage {
  families: FamilyCoverage[];
}

/** One family's characters; parsed when first asked for, since most pages need only the first family. */
export interface FamilyCoverage {
  family: string;
  /** Every character of the family, in any subset. */
  readonly all: Ranges;
  /** Each subset's characters, in the order Chromium tries them. */
  readonly subsets: { subset: string; ranges: Ranges }[];
}

export function parseRanges(text: string): Ranges {
  const parts = text ? text.split(",") : [];
  const out = new Uint32Array(parts.length * 2);
  parts.forEach((part, i) => {
    const [a, b = a] = part.split("-");
    out[2 * i] = parseInt(a!, 16);
    out[2 * i + 1] = parseInt(b!, 16);
  });
  return out;
}

export function formatRanges(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([a, b]) => (a === b ? a.toString(16) : `${a.toString(16)}-${b.toString(16)}`)).join(",");
}

export function hasCodePoint(ranges: Ranges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]!) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sorted, merged union of several range lists. */
function union(lists: readonly Ranges[]): Ranges {
  const pairs: [number, number][] = [];
  for (const r of lists) for (let i = 0; i < r.length; i += 2) pairs.push([r[i]!, r[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of pairs) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return Uint32Array.from(merged.flat());
}

export function coverageFrom(file: CoverageFile): Coverage {
  return {
    families: file.families.map((f) => {
      let subsets: { subset: string; ranges: Ranges }[] | undefined;
      let all: Ranges | undefined;
      return {
        family: f.family,
        get subsets() {
          // Chromium tries a family's faces from the last declared to the first; so do we.
          subsets ??= f.subsets.map(([subset, text]) => ({ subset, ranges: parseRanges(text) })).reverse();
          return subsets;
        },
        get all() {
          all ??= union(this.subsets.map((s) => s.ranges));
          return all;
        },
      };
    }),
  };
}

/** Characters that print nothing and need no glyph: line breaks, tabs, joiners, variation selectors. */
const IGNORABLE = /^[\t\n\r]$|^\p{Default_Ignorable_Code_Point}$/u;

/** The code points of a grapheme cluster that need a glyph, composed (NFC) as a shaper would. */
export function printedCodePoints(cluster: string): number[] {
  const out: number[] = [];
  for (const ch of cluster.normalize("NFC")) if (!IGNORABLE.test(ch)) out.push(ch.codePointAt(0)!);
  return out;
}

/**
 * The family and subset that print a grapheme cluster: the first family one of whose subsets
 * has all its characters (a cluster is always shaped with a single font). undefined when the
 * cluster needs no glyph; null when no bundled font can print it.
 */
export function clusterFace(cluster: string, coverage: Coverage): { family: string; subset: string } | null | undefined {
  const cps = printedCodePoints(cluster);
  if (cps.length === 0) return undefined;
  for (const f of coverage.families) {
    if (!cps.every((cp) => hasCodePoint(f.all, cp))) continue;
    const s = f.subsets.find((sub) => cps.every((cp) => hasCodePoint(sub.ranges, cp)));
    if (s) return { family: f.family, subset: s.subset };
  }
  return null;
}

/** Whether any bundled font prints this code point on its own. */
export function isCovered(cp: number, coverage: Coverage): boolean {
  return coverage.families.some((f) => hasCodePoint(f.all, cp));
}

/** One subset's characters as its fonts have them: per variant, the cmap's ranges. */
export interface SubsetSource {
  subset: string;
  unicodeRange: string;
  cmaps: readonly (readonly [number, number])[][];
}

/** Ranges of a CSS unicode-range descriptor, "U+0000-00FF,U+0131,U+4??". */
export function unicodeRangeRanges(descriptor: string): [number, number][] {
  return descriptor.split(",").map((part) => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) throw new Error(`bad unicode-range '${part}' (this is a bug)`);
    if (m[1]!.includes("?")) return [parseInt(m[1]!.replace(/\?/g, "0"), 16), parseInt(m[1]!.replace(/\?/g, "f"), 16)];
    const a = parseInt(m[1]!, 16);
    return [a, m[2] ? parseInt(m[2], 16) : a];
  });
}

function intersect(x: Ranges, y: Ranges): Ranges {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i]!, y[j]!);
    const b = Math.min(x[i + 1]!, y[j + 1]!);
    if (a <= b) out.push(a, b);
    if (x[i + 1]! < y[j + 1]!) i += 2;
    else j += 2;
  }
  return Uint32Array.from(out);
}

const toPairs = (r: Ranges): [number, number][] => Array.from({ length: r.length / 2 }, (_, i) => [r[2 * i]!, r[2 * i + 1]!]);

/**
 * The coverage table: what Chromium can print with each subset, which is the characters both
 * in its unicode-range and in the cmap of every bundled weight and style of it.
 */
export function coverageTable(
  families: readonly { family: string; subsets: readonly SubsetSource[] }[],
  packages: Record<string, string>,
): CoverageFile {
  return {
    note: "Generated by `npm run fonts:coverage` from the cmaps of the bundled woff2 files. Do not edit.",
    packages,
    families: families.map((f) => ({
      family: f.family,
      subsets: f.subsets.map((s): [string, string] => {
        let ranges = union([Uint32Array.from(unicodeRangeRanges(s.unicodeRange).flat())]);
        for (const cmap of s.cmaps) ranges = intersect(ranges, union([Uint32Array.from(cmap.flat())]));
        return [s.subset, formatRanges(toPairs(ranges))];
      }),
    })),
  };
}
