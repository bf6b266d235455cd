// The build, from a git repository with earlier editions: the scorecard shows them, the index
// and summary.pdf put every task force side by side, and index.html passes axe-core in a real
// Chromium. One build for most checks; a few build again to check what a new edition rebuilds.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { extractText, getDocumentProxy } from "../pdf-reader.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusLabel } from "../../src/render/view.ts";
import { findBrowser } from "../../src/pdf/browser.ts";
import { check } from "../../src/pipeline.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { score } from "../../src/score/score.ts";
import { cli, readFixture } from "../helpers.ts";
import { LA_PATH, LA_TEXT, makeRepo, RUBRIC_TEXT, rubricVariant, type Repo } from "./repo.ts";

const require = createRequire(import.meta.url);
const found = findBrowser(process.env);
if (!found) throw new Error("these tests need Chromium");

const rubric = parseRubric(RUBRIC_TEXT);
/** The LA file as published: only its review status differs from the real file, in this throwaway repository. */
// Published after the draft was sent for reply and its deadline passed (issue 13's review states).
const LA_PUBLISHED = LA_TEXT.replace(/^review:\n {2}status: draft\n/m, "review:\n  status: published\n  requested: 2026-10-01\n");
const LA_OUT = "los-angeles-regional-human-trafficking-task-force";
const EXAMPLE = readFixture("history", "example-county.yaml");
const EXAMPLE_WORSE = EXAMPLE.replace("      total: 2\n      selling_sex: 0\n", "      total: 9\n      selling_sex: 7\n");
const A = rubricVariant("2025.1", { "law-enforcement-share": 12 });
/** The tool's own rubric: what the scorecards are built with now. */
const B = RUBRIC_TEXT;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const pdfText = async (file: string) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
  return squash(text);
};

async function build(repo: Repo) {
  const r = await cli(["build"], { cwd: repo.dir, env: { CI: "true", SOURCE_DATE_EPOCH: undefined } });
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code).toBe(0);
  return r;
}

describe("a build with earlier editions", () => {
  const repo = makeRepo();
  let browser: Browser | undefined;

  beforeAll(async () => {
    expect(LA_PUBLISHED).not.toBe(LA_TEXT);
    // LA: published with rubric A, then again (reviewed again) with rubric B.
    repo.write("rubric/rubric.yaml", A);
    repo.write(LA_PATH, LA_PUBLISHED);
    repo.commit("Publish the LA scorecard, rubric 2025.1", "2025-03-01");
    repo.write("rubric/rubric.yaml", B);
    repo.write(LA_PATH, LA_PUBLISHED.replace("  last_reviewed: 2026-11-29\n", "  last_reviewed: 2026-11-30\n"));
    repo.commit("Today's rubric; LA reviewed and published again", "2026-06-01");
    // Example County (fictional): three editions under one method, then a draft.
    repo.write("scorecards/example-county.yaml", EXAMPLE);
    repo.commit("Example County, first edition", "2026-07-01");
    repo.write("scorecards/example-county.yaml", EXAMPLE_WORSE);
    repo.commit("Example County, second edition", "2026-08-01");
    repo.write("scorecards/example-county.yaml", EXAMPLE_WORSE.replace("officers_deployed: 12", "officers_deployed: 15"));
    repo.commit("Example County, third edition", "2026-09-01");
    repo.write("scorecards/example-county.yaml", EXAMPLE.replace("  status: published\n", "  status: draft\n"));
    repo.commit("Example County: a new draft", "2026-10-01");
    await build(repo);
    browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: found.headlessShell ? "shell" : true,
      args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
    });
  });
  afterAll(() => browser?.close());

  it("the LA scorecard shows its earlier editions and says the method changed", async () => {
    const text = await pdfText(join(repo.dir, "output", `${LA_OUT}.pdf`));
    const section = text.slice(text.indexOf("Earlier editions"));
    expect(text).toContain("Earlier editions");
    expect(section).toContain("Edition of 1 March 2025");
    expect(section).toContain("2025.1");
    expect(section).toContain("Method changed.");
    expect(section).toContain("Balanced membership (weight 12 → 8)");
    expect(section).toMatch(/not in what the task force did/);
    // The same in the web page.
    const html = readFileSync(join(repo.dir, "output", `${LA_OUT}.html`), "utf8");
    expect(html).toContain("<h2>Earlier editions</h2>");
    expect(html).toContain("<strong>Method changed.</strong>");
  });

  it("three editions and this scorecard: a table and a vector chart; draft stays a draft", async () => {
    const html = readFileSync(join(repo.dir, "output", "example-county.html"), "utf8");
    const start = html.indexOf("<h2>Earlier editions</h2>");
    const section = html.slice(start, html.indexOf("</section>", start));
    expect(section).toContain('<svg class="chart editions-chart"');
    for (const d of ["1 July 2026", "1 August 2026", "1 September 2026"]) expect(section).toContain(`Edition of ${d}`);
    expect(section).toContain("This scorecard (draft)");
    expect(section).not.toContain("Method changed");
    const text = await pdfText(join(repo.dir, "output", "example-county.pdf"));
    expect(text).toContain("Score (grade and score above each dot)");
  });

  it("index.html shows each task force's change since its last edition", () => {
    const index = readFileSync(join(repo.dir, "output", "index.html"), "utf8");
    const row = (name: string) => index.slice(index.indexOf(name), index.indexOf("</tr>", index.indexOf(name)));
    expect(row("Los Angeles Regional Human Trafficking Task Force")).toMatch(
      /Method changed since the edition of 1 March 2025 \(rubric 2025\.1 → [^)]+\); on the same method: /,
    );
    const before = score(
      check("x", EXAMPLE_WORSE.replace("officers_deployed: 12", "officers_deployed: 15"), "2030-01-01").taskForce!,
      rubric,
    );
    const now = score(check("x", EXAMPLE, "2030-01-01").taskForce!, rubric);
    expect(row("Example County Task Force")).toContain(
      `${before.grade} → ${now.grade}, up ${Math.round((now.percent - before.percent) * 100) / 100} percentage points since the edition of 1 September 2026`,
    );
  });

  it("summary.pdf gives every criterion's title and a status for LA on each, on landscape pages", async () => {
    const file = join(repo.dir, "output", "summary.pdf");
    const text = await pdfText(file);
    for (const c of rubric.criteria) expect(text, c.title).toContain(c.title);
    // The grid's row for LA: the status of every criterion, in rubric order, as words.
    const la = score(check("la", LA_PUBLISHED, "2030-01-01").taskForce!, rubric);
    const grid = text.slice(text.indexOf(`Task force ${rubric.criteria.map((_, i) => i + 1).join(" ")}`));
    const row = grid.slice(grid.indexOf("Los Angeles Regional Human Trafficking Task Force"));
    const words = row.match(/Partly met|Not met|Met|Unknown/g)!.slice(0, rubric.criteria.length);
    expect(words).toEqual(la.criteria.map((c) => statusLabel[c.status]));
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(w).toBeGreaterThan(h!);
  });

  it("index.html: landmarks, one h1, plurals, last update, links to the methodology and the data", () => {
    const index = readFileSync(join(repo.dir, "output", "index.html"), "utf8");
    for (const tag of ["<header", "<nav", "<main>", "<footer>"]) expect(index).toContain(tag);
    expect(index.match(/<h1>/g)).toHaveLength(1);
    expect(index).toContain("2 task forces, each scored");
    expect(index).toContain("1 of them is a draft.");
    expect(index).toContain(`Each task force on each of the ${rubric.criteria.length} criteria`);
    expect(index).toMatch(/Last updated <time datetime="2026-10-01">1 October 2026<\/time>/);
    for (const href of ["methodology.html", "scores.json", "scores.csv", "summary.pdf"]) expect(index).toContain(`href="${href}"`);
    expect(existsSync(join(repo.dir, "output", "methodology.html"))).toBe(true);
    const method = readFileSync(join(repo.dir, "output", "methodology.html"), "utf8");
    for (const c of rubric.criteria) expect(method).toContain(c.question.replace(/'/g, "&#x27;").replace(/"/g, "&quot;"));
    // One stylesheet and the same bundled fonts as summary.pdf; no font from the system or the network.
    expect(index).toContain("@font-face");
    expect(index).toMatch(/font-src data:/);
    expect(index).not.toMatch(/url\((?!data:)/);
  });

  it("axe-core, best-practice rules included, finds no violations on output/index.html, in a real Chromium", async () => {
    for (const file of ["index.html", "methodology.html"]) {
      const page = await browser!.newPage();
      try {
        await page.setBypassCSP(true);
        await page.goto(`file://${join(repo.dir, "output", file)}`);
        await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
        const result = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  ctx: Document,
                  o: object,
                ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }>;
              };
            }
          ).axe;
          return axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          });
        });
        expect(result.violations.map((v) => `${file}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
        expect(result.passes.length).toBeGreaterThan(10);
      } finally {
        await page.close();
      }
    }
  });

  it("the grid sorts by a criterion and the rows filter by state, with the page's own script under its CSP", async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("console", (m) => errors.push(m.text()));
    try {
      await page.goto(`file://${join(repo.dir, "output", "index.html")}`);
      expect(await page.$eval("#filters", (f) => (f as HTMLFormElement).hidden)).toBe(false);
      const names = (table: string) =>
        page.$$eval(`#${table} tbody tr:not([hidden])`, (rows) => rows.map((r) => r.cells[0]!.textContent.trim().split(/\s/)[0]));
      expect(await names("grid")).toEqual(["Example", "Los"]);
      // A criterion on which the two differ: best first, then reversed.
      const col = await page.$$eval("#grid tbody tr", (rows) => {
        const [x, y] = rows.map((r) => Array.from(r.cells).map((c) => c.getAttribute("data-sort")));
        return x!.findIndex((v, i) => i > 0 && v !== y![i]);
      });
      expect(col).toBeGreaterThan(0);
      const ranks = () => page.$$eval(`#grid tbody tr`, (rows, c) => rows.map((r) => Number(r.cells[c]!.getAttribute("data-sort"))), col);
      await page.click(`#grid thead th:nth-child(${col + 1}) button`);
      const up = await ranks();
      expect(up[0]).toBeLessThan(up[1]!);
      await page.click(`#grid thead th:nth-child(${col + 1}) button`);
      const down = await ranks();
      expect(down[0]).toBeGreaterThan(down[1]!);
      expect(await page.$eval(`#grid thead th:nth-child(${col + 1})`, (th) => th.getAttribute("aria-sort"))).toBe("descending");
      await page.select("#filter-state", "California");
      expect(await names("grades")).toEqual(["Los"]);
      expect(await names("grid")).toEqual(["Los"]);
      expect(await page.$eval("#filter-status", (p) => p.textContent)).toBe("Showing 1 of 2 task forces.");
      await page.select("#filter-state", "");
      await page.select("#filter-region", "none");
      expect(await names("grades")).toEqual(["Example"]);
      expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("a new edition rebuilds the scorecard, even when its data did not change", async () => {
    const again = await build(repo);
    expect(again.stdout).toMatch(/Built\s+0/);
    // Only the rubric in the repository changes: LA's data is the same, but it has a new edition.
    repo.write("rubric/rubric.yaml", rubricVariant("2026.2"));
    repo.commit("Rubric 2026.2", "2026-11-01");
    const after = await build(repo);
    expect(after.stdout).toMatch(/Built\s+1\b/);
    const text = await pdfText(join(repo.dir, "output", `${LA_OUT}.pdf`));
    expect(text).toContain("Edition of 1 November 2026");
  });
});
