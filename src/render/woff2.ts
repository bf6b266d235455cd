// The characters a WOFF2 font has glyphs for, read from its cmap table. Pure: bytes in,
// code points out (Brotli from node:zlib is a computation, not I/O). Only as much of the
// format as finding the cmap needs: https://www.w3.org/TR/WOFF2/ sections 4-5.
import { brotliDecompressSync } from "node:zlib";

/** WOFF2's table of known tags, in the order of the 6-bit index in each directory entry. */
const KNOWN_TAGS = (
  "cmap head hhea hmtx maxp name OS/2 post cvt_ fpgm glyf loca prep CFF_ VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx " +
  "BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG_ sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty " +
  "just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill"
)
  .split(" ")
  .map((t) => t.replace("_", " "));

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  u8(): number {
    if (this.pos >= this.bytes.length) throw new Error("the font file ends too early");
    return this.bytes[this.pos++]!;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) | this.u16()) >>> 0;
  }
  tag(): string {
    return String.fromCharCode(this.u8(), this.u8(), this.u8(), this.u8());
  }
  /** UIntBase128: 7 bits a byte, high bit set on all but the last. */
  base128(): number {
    let n = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      if (i === 0 && b === 0x80) throw new Error("bad UIntBase128 in the font's table directory");
      n = n * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return n;
    }
    throw new Error("bad UIntBase128 in the font's table directory");
  }
}

/** The raw bytes of one table (untransformed tables only, which cmap always is). */
export function woff2Table(font: Uint8Array, wanted: string): Uint8Array | undefined {
  const r = new Reader(font);
  if (r.tag() !== "wOF2") throw new Error("not a WOFF2 font");
  const flavor = r.tag();
  if (flavor === "ttcf") throw new Error("font collections are not supported");
  r.u32(); // length
  const numTables = r.u16();
  r.u16(); // reserved
  r.u32(); // totalSfntSize
  const compressedSize = r.u32();
  r.pos = 48;
  let offset = 0;
  let found: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = r.u8();
    const tag = (flags & 0x3f) === 0x3f ? r.tag() : KNOWN_TAGS[flags & 0x3f];
    const version = flags >> 6;
    const origLength = r.base128();
    // glyf and loca are transformed unless their version is 3; every other table unless it is 0.
    const transformed = tag === "glyf" || tag === "loca" ? version !== 3 : version !== 0;
    const length = transformed ? r.base128() : origLength;
    if (tag === wanted) {
      if (transformed) throw new Error(`the font's ${wanted} table is transformed`);
      found = { offset, length };
    }
    offset += length;
  }
  if (!found) return undefined;
  const data = brotliDecompressSync(font.subarray(r.pos, r.pos + compressedSize));
  if (found.offset + found.length > data.length) throw new Error("the font's tables are shorter than its directory says");
  return data.subarray(found.offset, found.offset + found.length);
}

/** Sorted, merged [first, last] ranges of code points that map to a glyph other than .notdef. */
export function cmapRanges(cmap: Uint8Array): [number, number][] {
  const r = new Reader(cmap);
  r.u16(); // version
  const n = r.u16();
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < n; i++) subtables.push({ platform: r.u16(), encoding: r.u16(), offset: r.u32() });
  const formatAt = (offset: number) => ((cmap[offset] ?? 0) << 8) | (cmap[offset + 1] ?? 0);
  // A full-repertoire subtable (format 12) if there is one, else the BMP one (format 4).
  const unicode = subtables.filter((s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)));
  const pick = unicode.find((s) => formatAt(s.offset) === 12) ?? unicode.find((s) => formatAt(s.offset) === 4);
  if (!pick) throw new Error("the font has no Unicode cmap subtable of format 4 or 12");
  const points: [number, number][] = [];
  const add = (a: number, b: number) => {
    const last = points[points.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else points.push([a, b]);
  };
  r.pos = pick.offset;
  if (formatAt(pick.offset) === 12) {
    r.pos += 12; // format, reserved, length, language
    const groups = r.u32();
    const list: [number, number, number][] = [];
    for (let i = 0; i < groups; i++) list.push([r.u32(), r.u32(), r.u32()]);
    list.sort((a, b) => a[0] - b[0]);
    for (const [start, end, glyph] of list) add(glyph === 0 ? start + 1 : start, end);
    return points.filter(([a, b]) => a <= b);
  }
  r.pos += 6; // format, length, language
  const segCount = r.u16() / 2;
  const base = pick.offset + 14;
  const at = (i: number) => ((cmap[i] ?? 0) << 8) | (cmap[i + 1] ?? 0);
  const ends = base;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  for (let s = 0; s < segCount; s++) {
    const end = at(ends + 2 * s);
    const start = at(starts + 2 * s);
    const delta = at(deltas + 2 * s);
    const ro = at(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph = ro === 0 ? (c + delta) & 0xffff : glyphAt(at, rangeOffsets + 2 * s + ro + 2 * (c - start), delta);
      if (glyph !== 0) add(c, c);
    }
  }
  return points;
}

function glyphAt(at: (i: number) => number, index: number, delta: number): number {
  const g = at(index);
  return g === 0 ? 0 : (g + delta) & 0xffff;
}

/** The code points a WOFF2 font has glyphs for, as sorted [first, last] ranges. */
export function woff2Coverage(font: Uint8Array): [number, number][] {
  const cmap = woff2Table(font, "cmap");
  if (!cmap) throw new Error("the font has no cmap table");
  return cmapRanges(cmap);
}
