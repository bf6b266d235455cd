// The page pool and the index page, with a real Chromium.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { afterAll, describe, expect, it } from "vitest";
import { compilePage, indexView } from "../../src/batch/index-page.ts";
import { PagePool, RenderTimeoutError } from "../../src/batch/pool.ts";
import { findBrowser } from "../../src/pdf/browser.ts";
import { launchBrowser, lockDown } from "../../src/pdf/print.ts";
import type { ScoreCard } from "../../src/score/types.ts";

const found = findBrowser(process.env);
if (!found) throw new Error("these tests need Chromium");

describe("page pool", () => {
  const pool = new PagePool({ launch: () => launchBrowser(found), prepare: lockDown, size: 2 });
  afterAll(() => pool.close());

  it("stops a document that takes too long, and the next one still prints on a fresh page", async () => {
    await expect(pool.run(() => new Promise<never>(() => undefined), 300)).rejects.toBeInstanceOf(RenderTimeoutError);
    const pdf = await pool.run(async (page) => {
      await page.setContent("<p>Example after a timeout (fictional)</p>");
      return page.pdf();
    }, 30_000);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pool.launches).toBe(1);
  });

  it("reuses its pages: no more pages than its size", async () => {
    const pages = new Set<unknown>();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.run((page) => {
          pages.add(page);
          return Promise.resolve();
        }, 30_000),
      ),
    );
    expect(pages.size).toBeLessThanOrEqual(2);
  });

  it("starts no browser until a page is needed", async () => {
    let launched = 0;
    const idle = new PagePool({ launch: () => (launched++, launchBrowser(found)), prepare: lockDown, size: 2 });
    await idle.close();
    expect(launched).toBe(0);
  });
});

describe("index.html in a browser", () => {
  it("sorts by a column when its heading is pressed, with our own script allowed by the page's policy", async () => {
    const card = (name: string, grade: string, percent: number) =>
      ({
        name,
        grade,
        percent,
        points: percent / 10,
        maxPoints: 10,
        coverage: 0.8,
        rubricVersion: "t",
        criteria: [],
      }) as unknown as ScoreCard;
    const template = readFileSync(join(import.meta.dirname, "..", "..", "templates", "index.hbs"), "utf8");
    const html = compilePage(template)(
      indexView(
        [
          { output: "b", file: "b.yaml", card: card("Beta Example Task Force", "C", 72), review: "published" },
          { output: "a", file: "a.yaml", card: card("Alpha Example Task Force", "F", 10), review: "draft" },
          { output: "c", file: "c.yaml", card: card("Gamma Example Task Force", "A", 95), review: "published" },
        ],
        ["A", "B", "C", "D", "F"],
      ),
    );
    const browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: found.headlessShell ? "shell" : true,
      args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("console", (m) => errors.push(m.text()));
      await page.setContent(html);
      const names = () => page.$$eval("#grades tbody tr", (rows) => rows.map((r) => r.cells[0]!.textContent.trim().split(/\s/)[0]));
      expect(await names()).toEqual(["Alpha", "Beta", "Gamma"]);
      await page.click("th:nth-child(2) button"); // grade, best first
      expect(await names()).toEqual(["Gamma", "Beta", "Alpha"]);
      await page.click("th:nth-child(2) button"); // and back
      expect(await names()).toEqual(["Alpha", "Beta", "Gamma"]);
      await page.click("th:nth-child(3) button"); // score, lowest first
      expect(await names()).toEqual(["Alpha", "Beta", "Gamma"]);
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
