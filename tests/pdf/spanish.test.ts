// The Spanish scorecard, checked as the English one is: page 1 a complete summary, tagged,
// fonts embedded, its own document properties, reproducible; and the build that makes it
// beside the English one, with the index linking both.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLanguage } from "../../src/io/languages.ts";
import { printPdf } from "../../src/pdf/print.ts";
import { renderDocument } from "../../src/pipeline.ts";
import { RUBRIC_FILE } from "../../src/cli/context.ts";
import { cli, fixture, tempDir } from "../helpers.ts";
import { LA_FILE, loadTaskForce, lockedPage, pageTexts, provenance, renderHtml, rubric, startBrowser, tool } from "./setup.ts";

const es = readLanguage("es", rubric, RUBRIC_FILE);
const renderEs = (file: string) =>
  renderDocument(loadTaskForce(file), es.rubric, renderHtml, provenance, { publisher: "Example Publisher (fictional)" }, [], es.messages);

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function print(html: string) {
  const { page, blocked } = await lockedPage(browser!);
  try {
    const pdf = await printPdf(page, html, { format: "Letter" });
    const file = join(tempDir(), "scorecard.es.pdf");
    writeFileSync(file, pdf);
    return { pdf, file, blocked };
  } finally {
    await page.close();
  }
}

describe("the Spanish Los Angeles scorecard", () => {
  const built = renderEs(LA_FILE);
  let result: Awaited<ReturnType<typeof print>>;
  let pages: string[];
  beforeAll(async () => {
    result = await print(built.html);
    pages = await pageTexts(result.pdf);
  });

  it("has its words from the Spanish rubric, with no translation missing", () => {
    expect(es.warnings).toEqual([]);
    expect(built.card.criteria.map((c) => c.title)).toContain("Composición equilibrada");
  });

  it("carries the name, grade, points, coverage, the op-ed's figures in its own words and every criterion on page 1", () => {
    const one = pages[0]!;
    expect(one).toContain("Los Angeles Regional Human Trafficking Task Force");
    expect(one).toMatch(/CALIFICACIÓN/i);
    expect(built.card.grade).toBe("Incomplete");
    expect(one).toContain("Incompleta");
    expect(one).toContain(`Puntos hasta ahora: ${String(built.card.points).replace(".", ",")} de ${built.card.scoredMaxPoints}`);
    expect(one).toContain(`Cobertura de datos ${Math.round(built.card.coverage * 100)} %`);
    for (const fact of [
      "roughly 70 agentes desplegados",
      "33 arrestos por cargos de prostitución y solicitación",
      "no se reporta arrestos por trata",
      "10 personas remitidas a servicios",
    ])
      expect(one).toContain(fact);
    expect(one).not.toMatch(/\b0 arrestos por trata\b/);
    expect(one).toContain("según un artículo de opinión de Kate D'Adamo");
    expect(one).toContain("21 de agosto de 2018, año deducido");
    const flat = one.replace(/\s/g, "");
    for (const c of built.card.criteria) {
      expect(flat).toContain(c.title.replace(/\s/g, ""));
      expect(flat).toContain(c.reason.replace(/\s/g, ""));
    }
    // No English label is left on page 1 (the data's own words, such as the sting's name, stay as written).
    for (const english of [
      "Key facts",
      "Coverage",
      "Points so far",
      "The criteria",
      "Unknown",
      "What the grade rests on",
      "officers deployed",
    ])
      expect(one).not.toContain(english);
  });

  it("numbers its pages and marks the draft in Spanish on every page, and gives the op-ed's title as written", () => {
    pages.forEach((text, i) => {
      expect(text).toContain(`Página ${i + 1} de ${pages.length}`);
      expect(text).toContain("BORRADOR · NO ES LA VERSIÓN FINAL");
      expect(text).toContain("commit 0123456789ab + cambios sin commit");
    });
    expect(pages.join(" ")).toContain("LA’s Trafficking Task Force: 33 Arrests, 70 officers, 0 Accountability");
    expect(pages.join(" ")).toContain("Artículo de opinión:");
  });

  it("keeps the BORRADOR picture out of the page text", () => {
    const layout = tool("pdftotext", ["-layout", result.file, "-"]);
    expect(layout).not.toMatch(/^\s*(B|O|R|A|D|BO|OR|RR|RA|AD|DO)\s*$/m);
  });

  it("embeds every font, is tagged, and has Spanish document properties", () => {
    const fonts = tool("pdffonts", [result.file]).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    const info = tool("pdfinfo", [result.file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(
      /Title:\s+Los Angeles Regional Human Trafficking Task Force: boleta de calificaciones de rendición de cuentas \(borrador\)/,
    );
    expect(info).toMatch(/Subject:\s+Cómo se compara Los Angeles/);
    expect(info).toMatch(/Keywords:\s+grupo de trabajo contra la trata de personas/);
    expect(tool("qpdf", ["--check", result.file])).toMatch(/No syntax or stream encoding errors/);
  });

  it("is an HTML page in Spanish that marks the data's English words as English", () => {
    expect(built.html).toMatch(/^<!DOCTYPE html>\s*<html lang="es">/);
    expect(built.html).toContain('<h1 lang="en">Los Angeles Regional Human Trafficking Task Force</h1>');
    expect(built.html).toMatch(/<cite>LA’s Trafficking Task Force: 33 Arrests, 70 officers, 0 Accountability<\/cite>/);
    expect(built.html).toMatch(/<span lang="en">(?:(?!<\/span>).)*<cite>LA’s Trafficking/);
    expect(result.blocked).toEqual([]);
  });
});

describe("a file's own translations", () => {
  const file = fixture("i18n", "translations.yaml");
  const english = renderDocument(loadTaskForce(file), rubric, renderHtml, provenance, { publisher: "Example Publisher (fictional)" });
  const spanish = renderEs(file);

  it("prints the note and quote as written, and the file's Spanish beside them, marked as a translation", () => {
    expect(spanish.html).toContain(
      '<span lang="en">The county publishes this list every June.</span> <span class="translation">(Traducción: El condado publica esta lista cada junio.)</span>',
    );
    expect(spanish.html).toContain(
      '<span lang="en">“The collective holds one voting seat.”</span> <span class="translation">(Traducción, no son las palabras de la fuente: “El colectivo tiene un puesto con voto.”)</span>',
    );
    expect(spanish.html).toContain(
      '<q lang="en">Condoms may be logged as evidence.</q> <span class="translation">(Traducción, no son las palabras de la fuente: “Los condones pueden registrarse como prueba.”)</span>',
    );
  });

  it("marks a Spanish source's quote as Spanish on the English page, with the file's English beside it, and gives no translation into the quote's own language", () => {
    expect(english.html).toContain(
      '<q lang="es">Nueve personas fueron arrestadas en la avenida.</q> <span class="translation">(Translation, not the source\'s words: “Nine people were arrested on the avenue.”)</span>',
    );
    expect(spanish.html).toContain('<q lang="es">Nueve personas fueron arrestadas en la avenida.</q>');
    expect(spanish.html).not.toContain("Nine people were arrested");
    // The English page has no Spanish translations, and the Spanish one no English labels.
    expect(english.html).not.toContain("El condado publica");
    expect(english.html).toMatch(/<html lang="en">/);
  });

  it("prints the translations in the PDF too", async () => {
    const { pdf } = await print(spanish.html);
    const text = (await pageTexts(pdf)).join(" ");
    expect(text).toContain("The county publishes this list every June. (Traducción: El condado publica esta lista cada junio.)");
  });
});

describe("building in two languages", () => {
  const outputs = (dir: string) =>
    readdirSync(join(dir, "output"))
      .filter((f) => !f.startsWith("."))
      .sort();

  it("writes each scorecard, handout, index, summary and methodology in English and Spanish, and the index links both", async () => {
    const dir = tempDir({ "scorecards/los-angeles-regional-human-trafficking-task-force.yaml": LA_FILE });
    const r = await cli(["build"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1893456000" } });
    expect(r.code, r.stderr).toBe(0);
    const name = "los-angeles-regional-human-trafficking-task-force";
    expect(outputs(dir)).toEqual(
      [
        "index.es.html",
        "index.html",
        `${name}.es.handout.pdf`,
        `${name}.es.html`,
        `${name}.es.pdf`,
        `${name}.handout.pdf`,
        `${name}.html`,
        `${name}.pdf`,
        "methodology.es.html",
        "methodology.html",
        "scores.csv",
        "scores.json",
        "summary.es.pdf",
        "summary.pdf",
      ].sort(),
    );
    const esText = tool("pdftotext", [join(dir, "output", `${name}.es.pdf`), "-"]);
    for (const figure of ["roughly 70", "33 arrestos", "10 personas remitidas"]) expect(esText.replace(/\s+/g, " ")).toContain(figure);
    expect(readFileSync(join(dir, "output", `${name}.es.html`), "utf8")).toMatch(/<html lang="es">/);
    expect(readFileSync(join(dir, "output", "index.html"), "utf8")).toContain(`href="${name}.es.pdf"`);
    expect(readFileSync(join(dir, "output", "index.es.html"), "utf8")).toContain(`href="${name}.es.pdf"`);
    expect(tool("pdfinfo", [join(dir, "output", "summary.es.pdf")])).toMatch(/Tagged:\s+yes/);
    // Nothing changed: nothing is printed again, in either language.
    const again = await cli(["build"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1893456000" } });
    expect(again.stdout).toMatch(/Skipped \(unchanged\)\s+1/);
    expect(again.stdout).toMatch(/Built\s+0/);
  });

  it("two fresh builds give byte-identical Spanish PDFs", async () => {
    const pdfs: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = tempDir({ "scorecards/la.yaml": LA_FILE });
      const r = await cli(["build", "--lang", "es"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1893456000" } });
      expect(r.code, r.stderr).toBe(0);
      pdfs.push(readFileSync(join(dir, "output", "la.es.pdf")));
      // --lang es builds Spanish only.
      expect(existsSync(join(dir, "output", "la.pdf"))).toBe(false);
    }
    expect(pdfs[0]!.equals(pdfs[1]!)).toBe(true);
  });

  it("follows languages: in scorecard.config.yaml, the first without a suffix, and drops a language the config no longer lists from the index", async () => {
    const dir = tempDir({ "scorecards/la.yaml": LA_FILE });
    writeFileSync(join(dir, "scorecard.config.yaml"), "languages: [es, en]\n");
    const r = await cli(["build"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "output", "la.html"), "utf8")).toMatch(/<html lang="es">/);
    expect(readFileSync(join(dir, "output", "la.en.html"), "utf8")).toMatch(/<html lang="en">/);
    expect(readFileSync(join(dir, "output", "index.html"), "utf8")).toMatch(/<html lang="es">/);
    expect(existsSync(join(dir, "output", "index.en.html"))).toBe(true);
    writeFileSync(join(dir, "scorecard.config.yaml"), "languages: [es]\n");
    const only = await cli(["build"], { cwd: dir });
    expect(only.code, only.stderr).toBe(0);
    expect(readFileSync(join(dir, "output", "index.html"), "utf8")).not.toContain('href="la.en.pdf"');
  });

  it("says in plain words when a language has no catalogue, in the config or in --lang", async () => {
    const dir = tempDir({ "scorecards/la.yaml": LA_FILE });
    const flag = await cli(["build", "--lang", "fr"], { cwd: dir });
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain("--lang names 'fr', but the tool has words only for en, es");
    expect(flag.stderr).not.toMatch(/at \w+ \(/);
    writeFileSync(join(dir, "scorecard.config.yaml"), "languages: [en, klingon!]\n");
    const config = await cli(["build"], { cwd: dir });
    expect(config.code).toBe(1);
    expect(config.stderr).toContain("languages must be a list of language tags");
  });
});
