// The edge of `scorecard preview`: an HTTP server on 127.0.0.1 that rebuilds the scorecard
// whenever the data file, the rubric or a template is saved, and tells the page to reload.
import { watch, readFileSync, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, extname, join } from "node:path";
import type { Browser } from "puppeteer-core";
import { UserError } from "../errors.ts";
import { replyDays, type ScorecardConfig } from "../io/config.ts";
import { writeFileAtomic } from "../io/files.ts";
import { readLanguage } from "../io/languages.ts";
import { readTheme } from "../io/theme.ts";
import { check, renderDocument } from "../pipeline.ts";
import { compileTheme } from "../render/render.ts";
import { parseRubric } from "../score/rubric.ts";
import { errorPage, PREVIEW_SCRIPT, wrapperPage } from "./page.ts";

export interface PreviewOptions {
  /** The task force file, as an absolute path. */
  file: string;
  /** How the file is named to the user. */
  display: string;
  port: number;
  rubricFile: string;
  templatesDir: string;
  config: ScorecardConfig | undefined;
  today: string;
  /** The language to show the scorecard in (English when not set). */
  lang?: string;
  /** When set, output/<name>.pdf is printed after every successful rebuild. */
  pdf: { outDir: string; launch: () => Promise<Browser>; print: (browser: Browser, html: string) => Promise<Uint8Array> } | undefined;
  log: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Goes up by one each time the page changes. */
  version(): number;
  /** Resolves when the PDF (if any) for the current version is written. */
  pdfSettled(): Promise<void>;
  close(): Promise<void>;
}

interface Page {
  html: string;
  ok: boolean;
}

/** Builds the page for the file as it is now: the scorecard, or the problems that stop it. Never throws. */
export function buildPage(o: Pick<PreviewOptions, "file" | "display" | "rubricFile" | "templatesDir" | "config" | "today" | "lang">): Page {
  let text: string;
  try {
    text = readFileSync(o.file, "utf8");
  } catch {
    return {
      ok: false,
      html: errorPage(
        o.display,
        `${o.display} cannot be read`,
        [],
        "The file is missing or unreadable. If you renamed it, stop the preview (Ctrl+C) and start it again with the new name.",
      ),
    };
  }
  const checked = check(o.display, text, o.today, { replyDays: replyDays(o.config) });
  if (!checked.taskForce) return { ok: false, html: errorPage(o.display, `${o.display} has problems`, checked.problems) };
  try {
    const rubric = parseRubric(readFileSync(o.rubricFile, "utf8"));
    const renderHtml = compileTheme(readTheme(o.templatesDir));
    const provenance = { dataFile: o.display, commit: "preview", dirty: true, rubricVersion: rubric.version, date: o.today };
    const words = readLanguage(o.lang ?? "en", rubric, o.rubricFile);
    return { ok: true, html: renderDocument(checked.taskForce, words.rubric, renderHtml, provenance, o.config, [], words.messages).html };
  } catch (error) {
    const problems = error instanceof UserError ? error.problems : [];
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, html: errorPage(o.display, "The rubric or the templates have a problem", problems, detail) };
  }
}

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "cache-control": "no-store", "referrer-policy": "no-referrer" };
// The scorecard may load nothing and run nothing: styles and fonts are inlined by the renderer.
const SCORECARD_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'";
const WRAPPER_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-src 'self'; style-src 'unsafe-inline'";

export async function startPreview(o: PreviewOptions): Promise<PreviewServer> {
  let page = buildPage(o);
  let version = 1;
  const clients = new Set<ServerResponse>();
  let port = o.port;

  // PDF printing runs one at a time; a save during a print asks for one more print afterwards.
  let browser: Promise<Browser> | undefined;
  let printing: Promise<void> = Promise.resolve();
  let pending = false;
  const printLatest = (): void => {
    if (!o.pdf || !page.ok) return;
    if (pending) return;
    pending = true;
    const pdf = o.pdf;
    printing = printing.then(async () => {
      pending = false;
      if (!page.ok) return;
      const html = page.html;
      try {
        browser ??= pdf.launch();
        const bytes = await pdf.print(await browser, html);
        const out = join(pdf.outDir, `${basename(o.file, extname(o.file))}${o.lang && o.lang !== "en" ? `.${o.lang}` : ""}.pdf`);
        writeFileAtomic(out, bytes);
        o.log(`wrote ${out}`);
      } catch (error) {
        o.log(`could not print the PDF: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
  printLatest();

  const announce = () => {
    for (const res of clients) res.write(`event: version\ndata: ${version}\n\n`);
  };
  const rebuild = () => {
    const next = buildPage(o);
    if (next.html === page.html) return;
    page = next;
    version++;
    o.log(next.ok ? `rebuilt ${o.display}` : `${o.display} has problems: the page shows them`);
    announce();
    printLatest();
  };

  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(timer);
    // Editors save in several steps (write, rename); wait until they are done.
    timer = setTimeout(rebuild, 60);
  };
  const watchers: FSWatcher[] = [];
  const watchFile = (file: string) =>
    watchers.push(
      watch(dirname(file), (_event, name) => {
        if (name === basename(file)) soon();
      }),
    );
  watchFile(o.file);
  watchFile(o.rubricFile);
  watchers.push(watch(o.templatesDir, { recursive: true }, soon));

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Only this machine, by its own name: a web page elsewhere cannot reach in through DNS tricks.
    const host = req.headers.host ?? "";
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS }).end("Forbidden\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", ...SECURITY_HEADERS }).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const send = (type: string, body: string, extra: Record<string, string> = {}): void => {
      res.writeHead(200, { "content-type": type, ...SECURITY_HEADERS, ...extra }).end(req.method === "HEAD" ? undefined : body);
    };
    switch (path) {
      case "/": {
        send("text/html; charset=utf-8", wrapperPage(o.display), { "content-security-policy": WRAPPER_CSP });
        return;
      }
      case "/preview.js": {
        send("text/javascript; charset=utf-8", PREVIEW_SCRIPT);
        return;
      }
      case "/scorecard": {
        send("text/html; charset=utf-8", page.html, { "content-security-policy": SCORECARD_CSP, "x-scorecard-version": String(version) });
        return;
      }
      case "/version": {
        send("application/json", JSON.stringify({ version, ok: page.ok }) + "\n");
        return;
      }
      case "/events":
        res.writeHead(200, { "content-type": "text/event-stream", connection: "keep-alive", ...SECURITY_HEADERS });
        res.write(`retry: 1000\nevent: version\ndata: ${version}\n\n`);
        clients.add(res);
        req.on("close", () => clients.delete(res));
        return;
      default:
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS }).end("Not found\n");
    }
  };

  const server = createServer(handle);
  // Keeps idle event streams alive through proxies and sleeping laptops.
  const ping = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n");
  }, 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(o.port, "127.0.0.1", () => {
        resolve();
      });
    });
  } catch (error) {
    clearInterval(ping);
    for (const w of watchers) w.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new UserError(`port ${o.port} is already in use (perhaps by another preview). Choose another, such as --port ${o.port + 1}.`);
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    version: () => version,
    pdfSettled: () => printing,
    close: async () => {
      clearTimeout(timer);
      clearInterval(ping);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      clients.clear();
      const closed = new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      server.closeAllConnections();
      await closed;
      await printing;
      if (browser) await (await browser.catch(() => undefined))?.close();
    },
  };
}
