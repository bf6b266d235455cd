// Reads PDFs in the tests with Mozilla's pdf.js (its legacy build, which runs on Node 20):
// the text of each page, the page count and the document's metadata.
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export type { PDFDocumentProxy };

/** Opens a PDF from its bytes. Fonts are not rendered, only read for their text. */
export async function getDocumentProxy(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

/** What the tests read of an annotation, which pdf.js types as any. */
export interface Annotation {
  subtype: string;
  url?: string;
  unsafeUrl?: string;
}

/** The annotations (links and the like) of page n, counted from 1. */
export async function getAnnotations(doc: PDFDocumentProxy, n: number): Promise<Annotation[]> {
  return (await (await doc.getPage(n)).getAnnotations()) as Annotation[];
}

async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const content = await (await doc.getPage(n)).getTextContent();
  return content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
}

/** The text of every page: one string per page, or all pages joined by a newline. */
export async function extractText(doc: PDFDocumentProxy, options: { mergePages: true }): Promise<{ totalPages: number; text: string }>;
export async function extractText(doc: PDFDocumentProxy, options?: { mergePages?: false }): Promise<{ totalPages: number; text: string[] }>;
export async function extractText(
  doc: PDFDocumentProxy,
  options: { mergePages?: boolean } = {},
): Promise<{ totalPages: number; text: string | string[] }> {
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await pageText(doc, n));
  return { totalPages: doc.numPages, text: options.mergePages ? pages.join("\n") : pages };
}

/** The document's Info dictionary and its XMP metadata as written, if any. */
export async function getMeta(doc: PDFDocumentProxy): Promise<{ info: Record<string, unknown>; metadata: string | null }> {
  // pdf.js's types say metadata is always there; it is null when the PDF has no XMP.
  const { info, metadata } = await doc.getMetadata();
  const xmp = metadata as { getRaw(): string } | null;
  return { info: info as Record<string, unknown>, metadata: xmp?.getRaw() ?? null };
}
