// Chromium stamps each PDF with the time it was printed, and numbers the tagged structure's
// elements with ids taken from its internal DOM node ids, which change from run to run.
// These pure functions replace both with fixed values of the same length, so no byte
// offset moves and the cross-reference table stays valid.

/** A PDF date for a YYYY-MM-DD day at midnight UTC: "D:20180821000000+00'00'". */
export function pdfDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`'${day}' is not a YYYY-MM-DD date (this is a bug)`);
  return `D:${m[1]}${m[2]}${m[3]}000000+00'00'`;
}

/** Bytes to a string with one character per byte, so regular expressions can edit them in place. */
const toLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
const fromLatin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "latin1"));

/** Sets /CreationDate and /ModDate to the given day, keeping each value's length. */
export function fixDates(text: string, day: string): string {
  const fixed = pdfDate(day);
  return text.replace(/(\/(?:CreationDate|ModDate)\s*\()(D:[^)]*)\)/g, (_whole, head: string, value: string) => {
    if (value.length !== fixed.length) {
      // An unusual layout: replace only the digits we can, keeping the length.
      const digits = fixed.slice(2, 2 + Math.min(14, value.slice(2).search(/\D|$/)));
      return `${head}D:${digits}${value.slice(2 + digits.length)})`;
    }
    return `${head}${fixed})`;
  });
}

/**
 * Renumbers the structure element ids (node00000065 ...) as node00000001, node00000002, ...
 * in their sorted order, keeping each id's length. Sorted order is kept, so the /IDTree's
 * /Names array and any /Limits stay sorted and valid.
 */
export function renumberIds(text: string): string {
  const ids = new Set<string>();
  for (const m of text.matchAll(/\/ID\s*\((node\d+)\)/g)) ids.add(m[1]!);
  if (ids.size === 0) return text;
  const sorted = [...ids].sort();
  const renamed = new Map<string, string>();
  sorted.forEach((id, i) => {
    const width = id.length - 4;
    const next = `node${String(i + 1).padStart(width, "0")}`;
    // More ids than the width allows would change lengths: leave such a file alone.
    if (next.length !== id.length) throw new RangeError("too many structure ids");
    renamed.set(id, next);
  });
  const result = text.replace(/\((node\d+)\)/g, (whole, id: string) => {
    const next = renamed.get(id);
    return next ? `(${next})` : whole;
  });
  return result;
}

/** Makes a Chromium PDF the same, byte for byte, every time the same document is printed. */
export function makeReproducible(pdf: Uint8Array, day: string): Uint8Array {
  let text = fixDates(toLatin1(pdf), day);
  try {
    text = renumberIds(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return fromLatin1(text);
}
