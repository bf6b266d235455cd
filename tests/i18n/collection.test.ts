// The pages about every task force at once (index, summary.pdf, methodology) in each language:
// Spanish words and numbers, <html lang>, a language switch, each scorecard linked in the
// page's language and its other languages' PDFs, data marked with its own language; the
// printed summary and axe-core in a real Chromium. Rows are real scores of fictional files.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compilePage,
  indexFacts,
  indexView,
  methodologyView,
  sinceText,
  type IndexRow,
  type MethodologyView,
  type PageLanguage,
} from "../../src/batch/index-page.ts";
import { RUBRIC_FILE, TEMPLATES_DIR } from "../../src/cli/context.ts";
import { editionsView, readEditions, type SinceLast } from "../../src/history/editions.ts";
import { readLanguage } from "../../src/io/languages.ts";
import { messagesFor } from "../../src/io/messages.ts";
import { readFonts } from "../../src/io/theme.ts";
import { printPdf } from "../../src/pdf/print.ts";
import { check } from "../../src/pipeline.ts";
import { inlineFonts } from "../../src/render/fonts.ts";
import { statusText } from "../../src/render/labels.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { score } from "../../src/score/score.ts";
import { readFixture } from "../helpers.ts";
import { lockedPage, pageTexts, startBrowser } from "../pdf/setup.ts";

const require = createRequire(import.meta.url);
const RUBRIC_TEXT = readFileSync(RUBRIC_FILE, "utf8");
const rubric = parseRubric(RUBRIC_TEXT);
const es = readLanguage("es", rubric, RUBRIC_FILE);
const en = messagesFor("en");
const grades = rubric.grading.grades.map((g) => g.grade);
const template = (name: string) => readFileSync(join(TEMPLATES_DIR, name), "utf8");
const css = template("index.css");
const fonts = readFonts();
const LANGS: PageLanguage[] = [
  { lang: "en", suffix: "" },
  { lang: "es", suffix: ".es" },
];

const EXAMPLE = readFixture("history", "example-county.yaml");
const WORSE = EXAMPLE.replace("      total: 2\n      selling_sex: 0\n", "      total: 9\n      selling_sex: 7\n");
const tf = (text: string, name?: string) =>
  check("x.yaml", name ? text.replace("name: Example County Task Force", `name: ${JSON.stringify(name)}`) : text, "2030-01-01").taskForce!;
const example = tf(EXAMPLE);
const parish = tf(WORSE, "Example Parish Task Force");
const worse = { ...parish, jurisdiction: { ...parish.jurisdiction, state: "Example Other State" } };
/** Example County was published worse on 5 March 2024: its index line says how it moved since. */
const since = editionsView(
  readEditions([{ commit: "a".repeat(40), date: "2024-03-05", text: WORSE, rubric: RUBRIC_TEXT }], "2030-01-01", RUBRIC_TEXT),
  {
    taskForce: example,
    card: score(example, rubric),
    rubric,
    date: "2026-01-01",
  },
).sinceLast!;

function row(t: ReturnType<typeof tf>, output: string, review: IndexRow["review"], date: string, s?: SinceLast): IndexRow {
  return {
    output,
    file: `scorecards/${output}.yaml`,
    card: score(t, rubric),
    review,
    facts: indexFacts(t, date, s),
    cards: { en: score(t, rubric), es: score(t, es.rubric) },
    outputs: { en: output, es: `${output}.es` },
  };
}
const rows: IndexRow[] = [
  row(example, "example-county", "published", "2026-01-01", since),
  row(worse, "example-parish", "draft", "2026-10-01"),
];
const esView = indexView(rows, grades, es.messages, LANGS);
const enView = indexView(rows, grades, en, LANGS);
const esIndex = compilePage(template("index.hbs"))(esView, css);
const enIndex = compilePage(template("index.hbs"))(enView, css);
const esMethodView = methodologyView(es.rubric, es.messages, LANGS);
const esMethod = compilePage<MethodologyView>(template("methodology.hbs"))(esMethodView, css);
/** The page's text, without tags, scripts or styles. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)>[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
/** The text outside data (names, file names, the rubric's publisher and citations): the page's own words. */
const ownWords = (html: string) =>
  textOf(html.replace(/<(span|cite) lang="en">[^<]*<\/\1>/g, " ").replace(/<span class="note">scorecards\/[^<]*<\/span>/g, " "));

describe("index.es.html", () => {
  it("is Spanish, with a language switch naming each language in itself", () => {
    expect(esIndex).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(esIndex).toContain("<title>Boletas de calificaciones de rendición de cuentas de los grupos de trabajo</title>");
    expect(esIndex).toContain('<nav class="languages" aria-label="Idiomas">');
    expect(esIndex).toContain('<a href="index.html" hreflang="en" lang="en">English</a>');
    expect(esIndex).toContain('<a href="index.es.html" hreflang="es" lang="es" aria-current="page">Español</a>');
    expect(esIndex).toContain('<link rel="alternate" hreflang="en" href="index.html">');
    expect(enIndex).toContain('<a href="index.es.html" hreflang="es" lang="es">Español</a>');
    expect(enIndex).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it("links each task force's scorecard in Spanish, and its PDF in every other language", () => {
    for (const name of ["example-county", "example-parish"]) {
      expect(esIndex).toContain(`href="${name}.es.pdf"`);
      expect(esIndex).toContain(`href="${name}.es.html"`);
      expect(esIndex).toMatch(new RegExp(`También en: <a href="${name}\\.pdf" hreflang="en"><span lang="en">English</span>`));
      expect(enIndex).toContain(`href="${name}.pdf"`);
      expect(enIndex).toContain(`href="${name}.html"`);
      expect(enIndex).toMatch(new RegExp(`Also in: <a href="${name}\\.es\\.pdf" hreflang="es"><span lang="es">Español</span>`));
    }
    expect(esIndex).toContain('href="methodology.es.html"');
    expect(esIndex).toContain('href="summary.es.pdf"');
    expect(enIndex).toContain('href="methodology.html"');
    expect(enIndex).toContain('href="summary.pdf"');
  });

  it("says everything in Spanish, per the glossary; data stays as written, marked as English", () => {
    const words = ownWords(esIndex);
    for (const w of [
      "Calificación",
      "Puntaje",
      "Cobertura de datos",
      "Desde la última edición",
      "Revisión",
      "2 grupos de trabajo, cada uno calificado",
      "De ellos, 1 es un borrador.",
      "“se desconoce”",
      "Publicada",
      "Borrador",
      "Cumple",
      "Se desconoce",
      "Región no registrada",
    ])
      expect(words).toContain(w);
    for (const c of es.rubric.criteria) expect(esIndex).toContain(c.title);
    // No English sentence of the page's own: every English word left is data.
    for (const w of [
      "task force",
      "Task force",
      "Grade",
      "Coverage",
      "Score",
      "Since the last",
      "Status",
      "Published",
      "Draft",
      "points",
      "edition",
      "Unknown",
      "Met",
      "methodology",
      "Showing",
      "Last updated",
      "not recorded",
    ])
      expect(words, w).not.toContain(w);
    expect(esIndex).toContain('<span lang="en">Example County Task Force</span>');
    expect(esIndex).toContain(
      '<span class="visually-hidden"> de la boleta de calificaciones de <span lang="en">Example County Task Force</span></span>',
    );
  });

  it("writes numbers and dates as Spanish does: 6,86 %, 5,5 puntos, 1 de octubre de 2026", () => {
    const card = {
      ...score(worse, es.rubric),
      name: "Example Borough Task Force",
      percent: 6.86,
      points: 5.5,
      scoredMaxPoints: 80.2,
      coverage: 0.802,
    };
    const view = indexView([{ output: "b", file: "b.yaml", card, review: "published" }], grades, es.messages, LANGS);
    const html = compilePage(template("index.hbs"))(view, css);
    expect(html).toContain('data-sort="6.86">6,86\u00a0% <span class="note">(5,5 de los 80,2 puntos con datos)</span>');
    expect(html).toContain('data-sort="80">80\u00a0%');
    expect(esIndex).toContain('Última actualización: <time datetime="2026-10-01">1 de octubre de 2026</time>.');
    expect(enIndex).toContain('Last updated <time datetime="2026-10-01">1 October 2026</time>.');
    const summary = compilePage(template("summary.hbs"))(view, css);
    expect(summary).toContain("6,86\u00a0% (5,5 de los 80,2 puntos con datos)");
    expect(summary).toContain("80\u00a0% de la rúbrica tenía datos");
  });

  it("puts the change since the last edition into words in each language, from data", () => {
    const before = score(tf(WORSE), rubric);
    const after = score(example, rubric);
    const d = Math.round((after.percent - before.percent) * 100) / 100;
    const county = (v: typeof esView) => v.rows.find((r) => r.name === "Example County Task Force")!.since;
    expect(county(esView)).toBe(
      `${before.grade} → ${after.grade}, sube ${String(d).replace(".", ",")} puntos porcentuales desde la edición del 5 de marzo de 2024`,
    );
    expect(county(enView)).toBe(`${before.grade} → ${after.grade}, up ${d} percentage points since the edition of 5 March 2024`);
    expect(esView.rows.find((r) => r.name === "Example Parish Task Force")!.since).toBe("Sin edición anterior");
    const method: SinceLast = {
      date: "2025-03-01",
      commit: "b".repeat(40),
      kind: "method",
      rubricBefore: "2025.1",
      rubricAfter: "2026.2",
      before: { ...since.after, coverage: 0.6 },
      after: { ...since.after, coverage: 0.7 },
      delta: 0,
    };
    expect(sinceText(es.messages, method)).toBe(
      "Cambió el método desde la edición del 1 de marzo de 2025 (rúbrica 2025.1 → 2026.2); con el mismo método: mismo puntaje, cobertura de datos 60\u00a0% → 70\u00a0%",
    );
    expect(sinceText(en, method)).toBe(
      "Method changed since the edition of 1 March 2025 (rubric 2025.1 → 2026.2); on the same method: same score, coverage 60% → 70%",
    );
    const notComparable: SinceLast = { ...method, before: undefined };
    expect(sinceText(es.messages, notComparable)).toBe(
      "Cambió el método desde la edición del 1 de marzo de 2025 (rúbrica 2025.1 → 2026.2); no se pueden comparar",
    );
    expect(sinceText(es.messages, { ...method, kind: "same", before: since.after, after: since.after })).toBe(
      "Sin cambios desde la edición del 1 de marzo de 2025",
    );
    expect(
      sinceText(es.messages, {
        date: "2025-03-01",
        commit: "c",
        kind: "unscored",
        rubricBefore: "x",
        rubricAfter: "y",
        delta: undefined,
        before: undefined,
        after: since.after,
      }),
    ).toBe("La edición del 1 de marzo de 2025 no se puede calificar con esta versión de la herramienta");
    expect(
      sinceText(en, { ...method, kind: "moved", before: { ...since.after, percent: 50 }, after: { ...since.after, percent: 51 } }),
    ).toBe("Up 1 percentage point since the edition of 1 March 2025");
  });

  it("keeps the build manifest's facts free of words: dates, numbers, ids and grades", () => {
    const facts = rows[0]!.facts!;
    expect(Object.keys(facts.since!).sort()).toEqual(["after", "before", "commit", "date", "delta", "kind", "rubricAfter", "rubricBefore"]);
    expect(JSON.stringify(facts.since)).not.toMatch(/ /);
    expect(facts).toMatchObject({ date: "2026-01-01", since: { date: "2024-03-05", kind: "moved" } });
  });

  it("uses each row's card in the page's language, and says where a scorecard is not in it", () => {
    const only: IndexRow = { ...rows[1]!, cards: { en: rows[1]!.card }, outputs: { en: "example-parish" } };
    const view = indexView([only], grades, es.messages, LANGS);
    // No Spanish card: the English one's criteria (titles as that card has them); no Spanish link, the English PDF instead.
    expect(view.criteria.map((c) => c.title)).toEqual(rubric.criteria.map((c) => c.title));
    const html = compilePage(template("index.hbs"))(view, css);
    expect(html).not.toContain('href="example-parish.es.pdf"');
    expect(html).toContain('Solo en: <a href="example-parish.pdf" hreflang="en">');
    // Rows of an older build, with one card and one output name: the first language's links, as before.
    const plain = indexView([{ output: "x", file: "x.yaml", card: rows[1]!.card, review: "draft" }], grades, en);
    expect(plain.rows[0]).toMatchObject({ pdf: "x.pdf", html: "x.html", also: [] });
    expect(plain.manyLanguages).toBe(false);
  });

  it("gives the filters' status line in the page's language, for the script to fill in", () => {
    expect(esIndex).toContain(
      'data-all="Se muestran todos: 2 grupos de trabajo." data-some="Grupos de trabajo que se muestran: {shown} de 2."',
    );
    expect(enIndex).toContain('data-all="Showing all 2 task forces." data-some="Showing {shown} of 2 task forces."');
  });
});

describe("methodology.es.html", () => {
  it("is Spanish: the rubric's Spanish words, the catalogue's, and the citations as published, marked English", () => {
    expect(esMethod).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(esMethod).toContain(`<title>${es.rubric.title}: metodología</title>`);
    const esc = (s: string) =>
      s
        .replace(/&/g, "&amp;")
        .replace(/'/g, "&#x27;")
        .replace(/"/g, "&quot;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/=/g, "&#x3D;")
        .replace(/`/g, "&#x60;");
    for (const c of es.rubric.criteria) {
      for (const text of [c.title, c.question, c.why, c.scoring.met, c.partial_credit, c.unknown_data])
        expect(esMethod, c.id).toContain(esc(text));
    }
    const total = rubric.criteria.reduce((s, c) => s + c.weight, 0);
    const first = es.rubric.criteria[0]!;
    expect(esMethod).toContain(
      `${esc(es.rubric.categories.find((k) => k.id === first.category)!.title)} · peso ${first.weight} de ${total} puntos (${String(Math.round((first.weight / total) * 1000) / 10).replace(".", ",")}\u00a0%)`,
    );
    expect(esMethod).toContain("<strong>Pregunta.</strong>");
    expect(esMethod).toContain(`<dt>${statusText(es.messages, "partly-met")}</dt>`);
    expect(esMethod).toContain("<strong>Calificaciones.</strong> A desde 90\u00a0%, B desde 80\u00a0%");
    expect(esMethod).toContain(`publicada por <span lang="en">${esc(rubric.publisher)}</span>`);
    const cited = rubric.criteria.flatMap((c) => c.citations).find((c) => c.date && /^\d{4}-\d{2}$/.test(c.date));
    if (cited) expect(esMethod).toMatch(/<cite lang="en">[^<]+<\/cite>\. <span lang="en">[^<]+<\/span>, [a-z]+ de \d{4}/);
    for (const w of [
      "Question.",
      "Why it matters",
      "Partial credit",
      "Unknown data",
      "weight",
      "Guidance",
      "methodology",
      "Every task force",
    ])
      expect(ownWords(esMethod), w).not.toContain(w);
    expect(esMethod).toContain('<a href="index.es.html">Todos los grupos de trabajo</a>');
    expect(esMethod).toContain('<a href="methodology.html" hreflang="en" lang="en">English</a>');
  });

  it("in English says what it said before", () => {
    const html = compilePage<MethodologyView>(template("methodology.hbs"))(methodologyView(rubric, en, LANGS), css);
    expect(html).toContain(`<title>${rubric.title}: methodology</title>`);
    expect(html).toContain(`Version ${rubric.version}, published by the <span lang="en">${rubric.publisher}</span>.`);
    expect(html).toContain("<strong>Grades.</strong> A from 90%, B from 80%");
    expect(html).toContain('<a href="index.html">Every task force</a>');
  });
});

describe("the Spanish pages in Chromium", () => {
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), "collection-es-"));
  beforeAll(async () => {
    browser = await startBrowser();
    writeFileSync(join(dir, "index.es.html"), inlineFonts(esIndex, fonts));
    writeFileSync(join(dir, "methodology.es.html"), inlineFonts(esMethod, fonts));
  });
  afterAll(() => browser?.close());

  it("summary.es.pdf: Spanish title and page numbers in the margins, every status in Spanish, landscape", async () => {
    const html = inlineFonts(compilePage(template("summary.hbs"))(esView, css), fonts);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    const { page } = await lockedPage(browser!);
    try {
      const pdf = await printPdf(page, html, { format: "Letter", landscape: true, date: "2026-01-01" });
      const pages = await pageTexts(pdf);
      expect(pages[0]).toContain("Boletas de calificaciones de rendición de cuentas de los grupos de trabajo: comparación");
      pages.forEach((t, i) => {
        expect(t).toContain(`Página ${i + 1} de ${pages.length}`);
      });
      const all = pages.join(" ");
      expect(all).not.toMatch(/Page \d+ of/);
      for (const c of es.rubric.criteria) expect(all).toContain(c.title);
      expect(all).toContain("Cada estado: Cumple · Cumple en parte · No cumple · Se desconoce: ninguna fuente lo dice");
      const grid = all.slice(all.indexOf(`Grupo de trabajo ${rubric.criteria.map((_, i) => i + 1).join(" ")}`));
      const statuses = grid.match(/Cumple en parte|No cumple|Cumple|Se desconoce/g) ?? [];
      expect(statuses.length).toBe(rows.length * rubric.criteria.length);
      const doc = await (await import("../pdf-reader.ts")).getDocumentProxy(new Uint8Array(pdf));
      const [, , w, h] = (await doc.getPage(1)).view;
      expect(w).toBeGreaterThan(h!);
    } finally {
      await page.close();
    }
  });

  it("axe-core, best-practice rules included, finds no violations on index.es.html and methodology.es.html", async () => {
    for (const file of ["index.es.html", "methodology.es.html"]) {
      const page = await browser!.newPage();
      try {
        await page.setBypassCSP(true);
        await page.goto(`file://${join(dir, file)}`);
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

  it("the filters' status line is Spanish, under the page's policy", async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("console", (m) => errors.push(m.text()));
    try {
      await page.goto(`file://${join(dir, "index.es.html")}`);
      await page.select("#filter-state", "Example Other State");
      expect(await page.$$eval("#grades tbody tr:not([hidden])", (r) => r.length)).toBe(1);
      expect(await page.$eval("#filter-status", (p) => p.textContent)).toBe("Grupos de trabajo que se muestran: 1 de 2.");
      await page.select("#filter-state", "");
      expect(await page.$eval("#filter-status", (p) => p.textContent)).toBe("Se muestran todos: 2 grupos de trabajo.");
      expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("collection.yaml", () => {
  it("has every message the three templates ask for, and each of its messages is used", () => {
    const catalogue = messagesFor("en").catalogue;
    const templates = ["index.hbs", "summary.hbs", "methodology.hbs"].map(template).join("\n");
    const asked = [...templates.matchAll(/\(?t "([^"]+)"/g)].map((m) => m[1]!);
    expect(asked.filter((id) => !(id in catalogue))).toEqual([]);
    const code = readFileSync(join(import.meta.dirname, "..", "..", "src", "batch", "index-page.ts"), "utf8");
    const unused = Object.keys(catalogue)
      .filter((id) => id.startsWith("collection."))
      .filter((id) => !asked.includes(id) && !code.includes(`"${id}"`) && !code.includes(`\`${id.replace(/\.[^.]+$/, ".${")}`));
    expect(unused).toEqual([]);
  });
});

describe("a scorecard with too little data", () => {
  it("shows no percentage on the index or the summary, only the points so far, as page 1 does", () => {
    const card = {
      name: "Example County Task Force",
      rubricVersion: "x",
      criteria: [],
      points: 5.5,
      maxPoints: 100,
      scoredMaxPoints: 21,
      percent: 26.19,
      coverage: 0.21,
      grade: "Incomplete",
    };
    for (const lang of ["en", "es"]) {
      const view = indexView(
        [{ output: "example", file: "scorecards/example.yaml", card: card as never, review: "draft" }],
        ["A", "B"],
        messagesFor(lang),
      );
      for (const template of ["index.hbs", "summary.hbs"]) {
        const text = compilePage(readFileSync(join(TEMPLATES_DIR, template), "utf8"))(view, "").replace(
          /<script[\s\S]*?<\/script>|<[^>]*>/g,
          " ",
        );
        expect(text).not.toMatch(/26[.,]19/);
        expect(text).toMatch(/5[.,]5/);
      }
    }
  });
});
