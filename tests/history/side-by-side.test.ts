// Every task force side by side: the grid of index.html and summary.pdf, from the view to a
// printed PDF. Rows are real scores of fictional files; names and places may be hostile.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePage, indexFacts, indexView, type IndexRow } from "../../src/batch/index-page.ts";
import { TEMPLATES_DIR } from "../../src/cli/context.ts";
import { readFonts } from "../../src/io/theme.ts";
import { inlineFonts } from "../../src/render/fonts.ts";
import { printPdf } from "../../src/pdf/print.ts";
import { check } from "../../src/pipeline.ts";
import { messagesFor } from "../../src/io/messages.ts";
import { statusText } from "../../src/render/labels.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { score } from "../../src/score/score.ts";
import { readFixture } from "../helpers.ts";
import { lockedPage, pageTexts, startBrowser } from "../pdf/setup.ts";
import { RUBRIC_TEXT } from "./repo.ts";

const rubric = parseRubric(RUBRIC_TEXT);
const grades = rubric.grading.grades.map((g) => g.grade);
const EXAMPLE = readFixture("history", "example-county.yaml");
const WORSE = EXAMPLE.replace("      total: 2\n      selling_sex: 0\n", "      total: 9\n      selling_sex: 7\n");
const template = (name: string) => readFileSync(join(TEMPLATES_DIR, name), "utf8");
const css = template("index.css");
const fonts = readFonts();

function row(name: string, text: string, i: number, jurisdiction: { state?: string; region?: string } = {}): IndexRow {
  const tf = check("x.yaml", text.replace("name: Example County Task Force", `name: ${JSON.stringify(name)}`), "2030-01-01").taskForce!;
  const withPlace = { ...tf, jurisdiction: { ...tf.jurisdiction, ...jurisdiction } };
  return {
    output: `example-${i}`,
    file: `scorecards/example-${i}.yaml`,
    card: score(withPlace, rubric),
    review: i % 3 ? "published" : "draft",
    facts: indexFacts(withPlace, `2026-0${(i % 9) + 1}-01`, undefined),
  };
}

describe("the index's words", () => {
  it("plurals, drafts and the date of the last update", () => {
    expect(indexView([], grades).countText).toBe("0 task forces");
    const one = indexView([row("Example One Task Force", EXAMPLE, 1)], grades);
    expect([one.countText, one.draftsText, one.criteriaText]).toEqual(["1 task force", "", `${rubric.criteria.length} criteria`]);
    const three = indexView([row("A Example", EXAMPLE, 0), row("B Example", EXAMPLE, 3), row("C Example", WORSE, 5)], grades);
    expect([three.countText, three.draftsText, three.lastUpdatedIso, three.lastUpdated]).toEqual([
      "3 task forces",
      "2 of them are drafts.",
      "2026-06-01",
      "1 June 2026",
    ]);
  });

  it("a criterion a card was not scored on (an older rubric) shows as not scored, never as unknown", () => {
    const full = row("Full Example", EXAMPLE, 1);
    const older = {
      ...row("Older Example", EXAMPLE, 2),
      card: { ...full.card, name: "Older Example", criteria: full.card.criteria.slice(1) },
    };
    const view = indexView([full, older], grades);
    const cells = view.rows.find((r) => r.name === "Older Example")!.cells;
    expect(cells[0]).toMatchObject({ label: "Not scored", rank: 4 });
    expect(cells.slice(1).map((c) => c.label)).toEqual(full.card.criteria.slice(1).map((c) => statusText(messagesFor("en"), c.status)));
  });

  it("hostile names, states and regions stay text in the grid and the filters", () => {
    const hostile = '<img src=x onerror=alert(1)>"';
    const view = indexView(
      [row(hostile, EXAMPLE, 1, { state: '"><script>alert(2)</script>', region: "x' onmouseover='alert(3)" })],
      grades,
    );
    const html = compilePage(template("index.hbs"))(view, css);
    expect(html).not.toMatch(/<img src=x|<script>alert|onmouseover='/);
    expect(html).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&quot;");
    expect(html).toContain('data-state="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

describe("summary.pdf, printed", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(() => browser?.close());

  it("the grid fits landscape pages, its header row and the key to the criteria on every page", async () => {
    const rows = Array.from({ length: 70 }, (_, i) =>
      row(`Example ${String(i + 1).padStart(2, "0")} County Human Trafficking Task Force`, i % 2 ? WORSE : EXAMPLE, i + 1),
    );
    const view = indexView(rows, grades);
    const html = inlineFonts(compilePage(template("summary.hbs"))(view, css), fonts);
    const { page } = await lockedPage(browser!);
    try {
      const pdf = await printPdf(page, html, { format: "Letter", landscape: true, date: "2026-01-01" });
      const pages = await pageTexts(pdf);
      // The margins carry the title and the page number, in the page's language (summary.hbs).
      pages.forEach((t, i) => {
        expect(t).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      expect(pages[0]).toContain("Task force accountability scorecards: comparison");
      const header = `Task force ${rubric.criteria.map((_, i) => i + 1).join(" ")}`;
      const gridPages = pages.filter(
        (t) => t.includes("Example 70") || pages.indexOf(t) >= pages.findIndex((p) => p.includes("Criteria side by side")),
      );
      expect(gridPages.length).toBeGreaterThan(1);
      for (const t of gridPages) {
        expect(t).toContain(header);
        for (const c of rubric.criteria) expect(t).toContain(c.title);
      }
      // Every row of the grid is there, with one status per criterion: nothing cut off at the right.
      const all = gridPages.join(" ");
      const grid = all.slice(all.indexOf(header));
      // (The key on each page names each status once; leave it out of the count.)
      const statuses = grid.replace(/Each status: .*?Unknown: no source says/g, "").match(/Partly met|Not met|Met|Unknown/g) ?? [];
      expect(statuses.length).toBe(rows.length * rubric.criteria.length);
      const doc = await (await import("../pdf-reader.ts")).getDocumentProxy(new Uint8Array(pdf));
      for (let n = 1; n <= doc.numPages; n++) {
        const [, , w, h] = (await doc.getPage(n)).view;
        expect(w).toBeGreaterThan(h!);
      }
    } finally {
      await page.close();
    }
  });
});
