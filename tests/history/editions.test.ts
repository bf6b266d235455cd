// Editions, pure: which versions are editions, how they are compared, and that a change in
// method is never shown as a change in what the task force did.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editionsView, MAX_ROWS, readEditions, sinceLastText, type EditionSource } from "../../src/history/editions.ts";
import { messagesFor } from "../../src/io/messages.ts";
import { translateRubric } from "../../src/score/rubric-words.ts";
import { methodChange, methodOf, readOldRubric } from "../../src/history/method.ts";
import { check } from "../../src/pipeline.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { score } from "../../src/score/score.ts";
import { readFixture } from "../helpers.ts";
import { RUBRIC_TEXT, rubricVariant } from "./repo.ts";

const TODAY = "2030-01-01";
const EXAMPLE = readFixture("history", "example-county.yaml");
const WORSE = EXAMPLE.replace("      total: 2\n      selling_sex: 0\n", "      total: 9\n      selling_sex: 7\n");
const DRAFT = EXAMPLE.replace("  status: published\n", "  status: draft\n");
const rubric = parseRubric(RUBRIC_TEXT);
const tf = (text: string) => check("x.yaml", text, TODAY).taskForce!;
const src = (commit: string, date: string, text: string, rubricText: string | undefined = RUBRIC_TEXT): EditionSource => ({
  commit: commit.padEnd(40, "0"),
  date,
  text,
  rubric: rubricText,
});
const current = (text: string, r = rubric, date = "2026-01-01") => ({ taskForce: tf(text), card: score(tf(text), r), rubric: r, date });
const es = messagesFor("es");
const rubricEs = translateRubric(
  rubric,
  "rubric/rubric.es.yaml",
  readFileSync(join(import.meta.dirname, "..", "..", "rubric", "rubric.es.yaml"), "utf8"),
).rubric;
/** The scorecard in Spanish: scored with the rubric's Spanish words, compared on the rubric as rubric.yaml defines it. */
const currentEs = (text: string) => ({ ...current(text, rubricEs), card: score(tf(text), rubricEs, es), methodRubric: rubric });

describe("readEditions", () => {
  it("keeps published versions only, each scored with the rubric of its own commit", () => {
    const other = rubricVariant("2024.9", { "law-enforcement-share": 20 });
    const editions = readEditions(
      [src("a", "2024-01-01", DRAFT), src("b", "2024-02-01", EXAMPLE, other), src("c", "2024-03-01", WORSE)],
      TODAY,
      RUBRIC_TEXT,
    );
    expect(editions.map((e) => e.commit.slice(0, 1))).toEqual(["b", "c"]);
    expect(editions.map((e) => e.rubricVersion)).toEqual(["2024.9", rubric.version]);
    expect(editions[0]!.figures!.percent).toBe(score(tf(EXAMPLE), parseRubric(other)).percent);
    expect(editions[1]!.figures!.grade).toBe(score(tf(WORSE), rubric).grade);
  });

  it("the same text under the same rubric version is one edition; a commit with no rubric uses the tool's", () => {
    const editions = readEditions(
      [
        src("a", "2024-01-01", EXAMPLE, undefined),
        src("b", "2024-02-01", EXAMPLE, undefined),
        src("c", "2024-03-01", EXAMPLE, rubricVariant("2025.1")),
      ],
      TODAY,
      RUBRIC_TEXT,
    );
    expect(editions.map((e) => [e.commit.slice(0, 1), e.rubricVersion])).toEqual([
      ["a", rubric.version],
      ["c", "2025.1"],
    ]);
  });

  it("a version this tool cannot score is an edition without figures, with the reason", () => {
    const broken = EXAMPLE.replace("officers_deployed: 12", "officers_deployed: twelve");
    const retired = RUBRIC_TEXT.replace("  - id: right-of-reply\n", "  - id: retired-criterion\n");
    const editions = readEditions([src("a", "2024-01-01", broken), src("b", "2024-02-01", EXAMPLE, retired)], TODAY, RUBRIC_TEXT);
    expect(editions.map((e) => e.figures)).toEqual([undefined, undefined]);
    expect(editions[0]!.reason).toMatch(/errors in the file/);
    expect(editions[1]!.reason).toMatch(/no longer has: retired-criterion/);
  });

  it("an alias bomb in an old version is refused by the loader, and not taken for an edition: its status cannot be read", () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nreview: { status: published }\n`;
    expect(readEditions([src("a", "2024-01-01", bomb), src("b", "2024-01-02", "\u0000binary")], TODAY, RUBRIC_TEXT)).toEqual([]);
  });
});

describe("editionsView", () => {
  it("leaves out the edition that is this very scorecard; nothing to show then", () => {
    const view = editionsView(readEditions([src("a", "2024-01-01", EXAMPLE)], TODAY, RUBRIC_TEXT), current(EXAMPLE));
    expect(view.any).toBe(false);
    expect(view.sinceLast).toBeUndefined();
  });

  it("same method: the change in grade, score and coverage, and the index's line", () => {
    const view = editionsView(readEditions([src("a", "2024-03-05", EXAMPLE)], TODAY, RUBRIC_TEXT), current(WORSE));
    const before = score(tf(EXAMPLE), rubric);
    const after = score(tf(WORSE), rubric);
    expect(view.any).toBe(true);
    expect(view.rows.map((r) => r.label)).toEqual(["Edition of 5 March 2024", "This edition"]);
    expect(view.rows[1]!.methodChanged).toBe(false);
    expect(view.rows[1]!.change).toContain(`Grade ${before.grade} → ${after.grade}`);
    expect(view.rows[1]!.change).toMatch(/score down [\d.]+ percentage points/);
    expect(view.sinceLast).toMatchObject({
      kind: "moved",
      date: "2024-03-05",
      delta: Math.round((after.percent - before.percent) * 100) / 100,
    });
    expect(sinceLastText(view.sinceLast!)).toMatch(
      new RegExp(`^${before.grade} → ${after.grade}, down [\\d.]+ percentage points since the edition of 5 March 2024$`),
    );
    expect(view.chart).toBe(""); // two points: a table, no chart
  });

  it("method changed: says so, names the criteria whose weight or definition changed, and compares only on one method", () => {
    const older = rubricVariant("2024.1", { "law-enforcement-share": 20, "no-sex-trade-stings": 2 });
    const view = editionsView(readEditions([src("a", "2024-03-05", WORSE, older)], TODAY, RUBRIC_TEXT), current(WORSE));
    const row = view.rows[1]!;
    expect(row.methodChanged).toBe(true);
    expect(row.change).toMatch(new RegExp(`^Rubric 2024\\.1 → ${rubric.version.replace(/[.]/g, "\\.")}: `));
    expect(row.change).toContain("Balanced membership (weight 20 → 8)");
    expect(row.change).toContain("No stings on the sex trade (weight 2 → 10)");
    // The difference between the two printed scores is never given as a rise or a fall...
    const [method, like] = row.change.split("on the same method");
    expect(method).not.toMatch(/\b(up|down)\b/);
    // ...only the like-for-like one: the same data under the same method, so no change at all here.
    expect(like).toMatch(/no change in grade, score or coverage/);
    expect(view.methodNote).toMatch(/not compared/);
    expect(view.sinceLast).toMatchObject({ kind: "method", delta: 0 });
    expect(sinceLastText(view.sinceLast!)).toMatch(
      /^Method changed since the edition of 5 March 2024 \(rubric 2024\.1 → .+\); on the same method: no change$/,
    );
  });

  it("a chart once there are three or more, with the line broken where the method changed", () => {
    const older = rubricVariant("2024.1", { "law-enforcement-share": 20 });
    const editions = readEditions(
      [src("a", "2024-01-01", EXAMPLE, older), src("b", "2024-06-01", WORSE), src("c", "2025-01-01", EXAMPLE)],
      TODAY,
      RUBRIC_TEXT,
    );
    const view = editionsView(editions, current(WORSE));
    expect(view.rows).toHaveLength(4);
    expect(view.chart).toMatch(/^<svg class="chart editions-chart" role="img"/);
    expect(view.chart.match(/method changed/g)).toHaveLength(1);
    expect(view.chart).not.toMatch(/<script|<image|href=|url\(http/i);
    // Score, then coverage: one solid run of three points, broken before the second.
    expect(view.chart).toContain("Score and coverage of each edition");
    expect(view.rows.map((r) => r.methodChanged)).toEqual([false, true, false, false]);
  });

  it(`lists at most ${MAX_ROWS} earlier editions, and says how many more there are`, () => {
    const sources = Array.from({ length: MAX_ROWS + 3 }, (_, i) =>
      src(`c${i}`, `2024-01-${String(i + 1).padStart(2, "0")}`, i % 2 ? WORSE : EXAMPLE),
    );
    const view = editionsView(readEditions(sources, TODAY, RUBRIC_TEXT), current(DRAFT));
    expect(view.rows).toHaveLength(MAX_ROWS + 1);
    expect(view.rows[0]!.change).toBe("3 earlier editions are not listed here.");
    expect(view.rows[MAX_ROWS]!.label).toBe("This scorecard (draft)");
  });
});

describe("editionsView in Spanish", () => {
  it("says the same in Spanish, dates and numbers per locale, and the same rubric is the same method in any language", () => {
    const view = editionsView(readEditions([src("a", "2024-03-05", EXAMPLE)], TODAY, RUBRIC_TEXT), currentEs(WORSE), es);
    const english = editionsView(readEditions([src("a", "2024-03-05", EXAMPLE)], TODAY, RUBRIC_TEXT), current(WORSE));
    expect(view.rows.map((r) => r.label)).toEqual(["Edición del 5 de marzo de 2024", "Esta edición"]);
    expect(view.rows.map((r) => r.methodChanged)).toEqual([false, false]);
    expect(view.rows[1]!.change).toMatch(
      /^Calificación .+ → .+; el puntaje baja [\d,]+ puntos porcentuales \([\d,]+\u00a0% → [\d,]+\u00a0%\)/,
    );
    expect(view.rows[1]!.score).toMatch(/^[\d,]+\u00a0%$/);
    // The index's line is data, the same whatever the page's language; each page words it.
    expect(view.sinceLast).toEqual(english.sinceLast);
    expect(JSON.stringify(view.sinceLast)).not.toMatch(/edition|edición|since|desde/i);
    expect(sinceLastText(view.sinceLast!, es)).toMatch(/, baja [\d,]+ puntos porcentuales desde la edición del 5 de marzo de 2024$/);
    // Without the rubric's own words to compare, a translation would read as a change of method.
    expect(
      editionsView(
        readEditions([src("a", "2024-03-05", EXAMPLE)], TODAY, RUBRIC_TEXT),
        { ...currentEs(WORSE), methodRubric: undefined },
        es,
      ).rows[1]!.methodChanged,
    ).toBe(true);
  });

  it("names the changed criteria by their Spanish titles, and the method change as such", () => {
    const older = rubricVariant("2024.1", { "law-enforcement-share": 20, "no-sex-trade-stings": 2 });
    const view = editionsView(readEditions([src("a", "2024-03-05", WORSE, older)], TODAY, RUBRIC_TEXT), currentEs(WORSE), es);
    const row = view.rows[1]!;
    const title = (id: string) => rubricEs.criteria.find((c) => c.id === id)!.title;
    expect(row.methodChanged).toBe(true);
    expect(row.change).toContain(
      `Rúbrica 2024.1 → ${rubric.version}: hubo cambios en ${title("law-enforcement-share")} (peso 20 → 8) y ${title("no-sex-trade-stings")} (peso 2 → 10).`,
    );
    expect(row.change).toContain("con el mismo método, sin cambios en la calificación, el puntaje ni la cobertura de datos.");
    expect(view.methodNote).toMatch(/no se comparan/);
    expect(sinceLastText(view.sinceLast!, es)).toMatch(
      /^Cambió el método desde la edición del 5 de marzo de 2024 \(rúbrica 2024\.1 → .+\); con el mismo método: sin cambios$/,
    );
  });

  it("draws the chart in Spanish", () => {
    const older = rubricVariant("2024.1", { "law-enforcement-share": 20 });
    const editions = readEditions(
      [src("a", "2024-01-01", EXAMPLE, older), src("b", "2024-06-01", WORSE), src("c", "2025-01-01", EXAMPLE)],
      TODAY,
      RUBRIC_TEXT,
    );
    const chart = editionsView(editions, currentEs(WORSE), es).chart;
    expect(chart).toContain("Puntaje y cobertura de datos de cada edición");
    expect(chart.match(/cambió el método/g)).toHaveLength(1);
    expect(chart).toContain(">Ahora<");
    expect(chart).toContain(">50\u00a0%<");
    expect(chart).not.toMatch(/method changed|Score|Coverage|Now/);
  });
});

describe("method", () => {
  it("a change of key order is no change; weights, definitions, criteria and grading are", () => {
    const a = methodOf(rubric);
    const reordered = parseRubric(
      RUBRIC_TEXT.replace(
        "      met_at_most: 0.5\n      partly_met_at_most: 0.67\n",
        "      partly_met_at_most: 0.67\n      met_at_most: 0.5\n",
      ),
    );
    expect(methodChange(a, methodOf(reordered))).toBeUndefined();
    const b = methodOf(
      parseRubric(
        rubricVariant(rubric.version)
          .replace("      met_at_most: 0.5\n", "      met_at_most: 0.4\n")
          .replace("    - { grade: A, min_percent: 90 }", "    - { grade: A, min_percent: 95 }"),
      ),
    );
    const change = methodChange(a, b)!;
    expect(change.criteria).toEqual(["Balanced membership: definition changed"]);
    expect(change.gradingChanged).toBe(true);
  });

  it("reads an old rubric's version even when this tool cannot use it", () => {
    const r = readOldRubric(
      RUBRIC_TEXT.replace(/^version: .*$/m, 'version: "2020.1"').replace("  - id: right-of-reply\n", "  - id: retired-criterion\n"),
    );
    expect(r.rubric).toBeUndefined();
    expect(r.version).toBe("2020.1");
    expect(r.unknownCriteria).toEqual(["retired-criterion"]);
    expect(readOldRubric("not: [valid").problem).toMatch(/version unknown/);
  });
});
