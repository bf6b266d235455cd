// Printing a document that must fit on one page: each version of its HTML, from roomy to
// tight, is printed until one fits. The last is cut to its first page, so a handout never
// spills onto a second sheet whatever the data holds.
import type { Page } from "puppeteer-core";
import { printPdf, type PdfOptions } from "./print.ts";

/** The number of pages in a PDF that Chromium wrote (its page objects are never compressed). */
export function pageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Prints the first version that fits on `pages` pages; the last version is cut to fit. */
export async function printToFit(page: Page, versions: readonly string[], options: PdfOptions, pages = 1): Promise<Uint8Array> {
  if (versions.length === 0) throw new Error("nothing to print (this is a bug)");
  for (const html of versions.slice(0, -1)) {
    const pdf = await printPdf(page, html, options);
    if (pageCount(pdf) <= pages) return pdf;
  }
  const last = await printPdf(page, versions[versions.length - 1]!, options);
  return pageCount(last) <= pages ? last : printPdf(page, versions[versions.length - 1]!, { ...options, pageRanges: `1-${pages}` });
}
