import puppeteer from "puppeteer-core";
import type { Browser, Page } from "puppeteer-core";
import type { DocumentInfo } from "../render/view.ts";
import type { FoundBrowser } from "./browser.ts";
import { infoFromHtml, withInfo } from "./metadata.ts";
import { makeReproducible } from "./reproducible.ts";

export interface PdfOptions {
  format: "Letter" | "A4";
  /** Turn the page sideways (for wide tables). */
  landscape?: boolean;
  /** Document properties; by default read from the HTML's <title> and meta tags. */
  info?: DocumentInfo;
  /** The PDF's date, YYYY-MM-DD; by default the HTML's dcterms.date, else SOURCE_DATE_EPOCH, else today. */
  date?: string;
  /** Print only these pages, such as "1"; by default every page. */
  pageRanges?: string;
}

const FLAGS = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--font-render-hinting=none",
];

const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/** Starts the browser. Chromium refuses to run as root inside its sandbox, so only then is it turned off. */
export async function launchBrowser(found: FoundBrowser): Promise<Browser> {
  return puppeteer.launch({
    executablePath: found.executablePath,
    headless: found.headlessShell ? "shell" : true,
    args: [...FLAGS, ...(isRoot() ? ["--no-sandbox"] : [])],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * Locks a page down: no JavaScript, and every request except data: URIs is aborted, so
 * nothing in the data can make the renderer fetch a URL or read a local file.
 */
export async function lockDown(page: Page, onBlocked?: (url: string) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") void request.continue();
    else {
      onBlocked?.(url);
      void request.abort("blockedbyclient");
    }
  });
}

/**
 * Prints one HTML document on a locked-down page, then fixes the bytes that Chromium varies
 * from run to run and adds the document properties. The page keeps no state from one
 * document to the next: it goes to about:blank first, because setContent on a reused page
 * writes into the same document, and each print then got slower (measured: 190 ms a
 * document at first, 300 ms after 300 documents).
 */
export async function printPdf(page: Page, html: string, options: PdfOptions): Promise<Uint8Array> {
  await page.goto("about:blank");
  await page.setContent(html, { waitUntil: "load" });
  const raw = await page.pdf({
    format: options.format,
    landscape: options.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
    ...(options.pageRanges ? { pageRanges: options.pageRanges } : {}),
  });
  const fromHtml = infoFromHtml(html);
  const date = options.date ?? fromHtml.date ?? fallbackDate();
  return withInfo(makeReproducible(raw, date), options.info ?? fromHtml.info, date);
}

function fallbackDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}
