// The evidence rules as a reader of the printed PDF sees them: dated facts marked, the
// sources' words quoted, whose words they are said, and no claim stronger than its source.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printPdf } from "../../src/pdf/print.ts";
import { renderDocument } from "../../src/pipeline.ts";
import { fixture } from "../helpers.ts";
import { LA_FILE, loadTaskForce, lockedPage, pageTexts, provenance, renderHtml, rubric, squash, startBrowser } from "./setup.ts";

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function textOf(file: string, date: string): Promise<string[]> {
  const built = renderDocument(
    loadTaskForce(file),
    rubric,
    renderHtml,
    { ...provenance, date },
    { publisher: "Example Publisher (fictional)" },
  );
  const { page } = await lockedPage(browser!);
  try {
    return (await pageTexts(await printPdf(page, built.html, { format: "Letter" }))).map(squash);
  } finally {
    await page.close();
  }
}

describe("dated facts", () => {
  it("marks a fact from 2012 as older than the limit on a scorecard dated 2026", async () => {
    const pages = await textOf(fixture("evidence", "old-operation-2012.yaml"), "2026-12-01");
    const all = pages.join(" ");
    expect(all).toMatch(/15 May 2012[^.]*DATED/i);
    expect(all).toMatch(/Dated: older than 5 years/i);
    expect(pages[0]).toMatch(/Every scored fact is more than 5 years old|The newest scored fact is from/);
  });

  it("does not mark the same fact on a scorecard dated 2014", async () => {
    const all = (await textOf(fixture("evidence", "old-operation-2012.yaml"), "2014-01-01")).join(" ");
    expect(all).not.toMatch(/Dated: older than/i);
  });
});

describe("the LA scorecard against its sources", () => {
  it("quotes the op-ed, keeps 'roughly 70', names the op-ed on page 1 and claims no seat count", async () => {
    const pages = await textOf(LA_FILE, "2026-12-01");
    const all = pages.join(" ");
    expect(all).toContain("No groups which solely represent the communities targeted by these operations are listed");
    expect(all).toContain("roughly 70");
    expect(pages[0]).toMatch(/an op-ed by Kate D'Adamo/);
    expect(all).not.toMatch(/holds? no seats?\b/i);
    expect(all).toContain("21 August 2018 (year inferred)");
    expect(all).toContain("“trafficking-related”");
    expect(pages[0]).toContain("What the grade rests on");
  });
});
