// The PDF's document properties. Chromium writes only the Title, so the others are added
// by appending an incremental update: a new Info dictionary, a one-entry cross-reference
// section and a trailer that points back to the original. The original bytes, with their
// tagged structure and outline, are kept as they are.
import type { DocumentInfo } from "../render/view.ts";
import { pdfDate } from "./reproducible.ts";

/** A PDF text string in UTF-16BE hex: any character, and no way to break out of it. */
export function pdfTextString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

interface Trailer {
  size: number;
  root: string;
  startxref: number;
}

/** Reads the last classic trailer. Chromium writes PDF 1.4 with a cross-reference table. */
export function readTrailer(text: string): Trailer {
  const at = text.lastIndexOf("trailer");
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (at < 0 || !sx) throw new Error("the browser wrote a PDF without a classic trailer (this is a bug)");
  const dict = text.slice(at, sx.index);
  const size = /\/Size\s+(\d+)/.exec(dict)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1];
  if (!size || !root) throw new Error("the PDF trailer has no /Size or /Root (this is a bug)");
  return { size: Number(size), root, startxref: Number(sx[1]) };
}

/** Appends a new Info dictionary with title, author, subject, keywords and fixed dates. */
export function withInfo(pdf: Uint8Array, info: DocumentInfo, day: string): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const trailer = readTrailer(text);
  const n = trailer.size;
  const date = `(${pdfDate(day)})`;
  const head = text.endsWith("\n") ? "" : "\n";
  const offset = pdf.byteLength + head.length;
  const object =
    `${n} 0 obj\n<</Title ${pdfTextString(info.title)}\n/Author ${pdfTextString(info.author)}\n/Subject ${pdfTextString(info.subject)}\n` +
    `/Keywords ${pdfTextString(info.keywords)}\n/Creator (task force scorecard)\n/Producer (Chromium, Skia/PDF)\n/CreationDate ${date}\n/ModDate ${date}>>\nendobj\n`;
  const xrefAt = offset + object.length;
  const tail =
    `xref\n${n} 1\n${String(offset).padStart(10, "0")} 00000 n \n` +
    `trailer\n<</Size ${n + 1}\n/Root ${trailer.root}\n/Info ${n} 0 R\n/Prev ${trailer.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const update = Buffer.from(head + object + tail, "latin1");
  const out = new Uint8Array(pdf.byteLength + update.byteLength);
  out.set(pdf, 0);
  out.set(update, pdf.byteLength);
  return out;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Undoes HTML escaping (named and numeric entities) in a title or attribute value. */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e.startsWith("#")) {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Reads the document properties the scorecard template writes into its <head>: the title,
 * and the author, description and keywords meta tags, plus the date (dcterms.date).
 */
export function infoFromHtml(html: string): { info: DocumentInfo; date: string | undefined } {
  const headEnd = html.search(/<\/head>/i);
  const head = headEnd >= 0 ? html.slice(0, headEnd) : html;
  const meta = (name: string): string => {
    const m = new RegExp(`<meta\\s+name="${name.replace(".", "\\.")}"\\s+content="([^"]*)"`, "i").exec(head);
    return m ? decodeHtml(m[1]!) : "";
  };
  const title = /<title>([^<]*)<\/title>/i.exec(head)?.[1];
  const date = meta("dcterms.date");
  return {
    info: { title: decodeHtml(title ?? ""), author: meta("author"), subject: meta("description"), keywords: meta("keywords") },
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
  };
}
