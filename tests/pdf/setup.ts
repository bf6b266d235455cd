// Shared set-up for the render and PDF tests: the real rubric and templates, fixtures
// loaded through the real pipeline, and one browser for the whole file.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { extractText, getDocumentProxy } from "../pdf-reader.ts";
import { RUBRIC_FILE, TEMPLATES_DIR, TOOL_ROOT } from "../../src/cli/context.ts";
import { readTheme } from "../../src/io/theme.ts";
import type { TaskForce } from "../../src/model.ts";
import { findBrowser } from "../../src/pdf/browser.ts";
import { launchBrowser, lockDown } from "../../src/pdf/print.ts";
import { check, renderDocument } from "../../src/pipeline.ts";
import { compileTheme } from "../../src/render/render.ts";
import type { Provenance } from "../../src/render/view.ts";
import { parseRubric } from "../../src/score/rubric.ts";

export const rubric = parseRubric(readFileSync(RUBRIC_FILE, "utf8"));
export const renderHtml = compileTheme(readTheme(TEMPLATES_DIR));
export const LA_FILE = join(TOOL_ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml");

export const provenance: Provenance = {
  dataFile: "scorecards/example.yaml",
  commit: "0123456789ab",
  dirty: true,
  rubricVersion: rubric.version,
  date: "2030-01-02",
};

/** Loads and validates a task force file; the test fails if it is not valid. */
export function loadTaskForce(file: string): TaskForce {
  const result = check(file, readFileSync(file, "utf8"), "2030-01-01");
  if (!result.taskForce) throw new Error(`fixture ${file} is not valid: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.taskForce;
}

export const render = (tf: TaskForce, config = { publisher: "Example Publisher (fictional)" }) =>
  renderDocument(tf, rubric, renderHtml, provenance, config);

export async function startBrowser(): Promise<Browser> {
  const found = findBrowser();
  if (!found) throw new Error("no browser found to run the PDF tests");
  return launchBrowser(found);
}

/** A locked-down page that records every request it blocked. */
export async function lockedPage(browser: Browser): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  await lockDown(page, (url) => blocked.push(url));
  return { page, blocked };
}

/** The text of each page, with runs of white space made single spaces. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text.map(squash);
}

export const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Runs a poppler or qpdf tool on a PDF file and returns what it printed. */
export function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8" });
}
