import puppeteer from "puppeteer-core";
import type { Browser, Page } from "puppeteer-core";
import type { FoundBrowser } from "./browser.ts";

export interface PdfOptions {
  format: "Letter" | "A4";
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
export async function lockDown(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") void request.continue();
    else void request.abort("blockedbyclient");
  });
}

/** Prints one HTML document on a locked-down page. */
export async function printPdf(page: Page, html: string, options: PdfOptions): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: "load" });
  return page.pdf({
    format: options.format,
    printBackground: true,
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
  });
}
