// The printed hearing kit, checked as a reader would: pages, text, fonts, type size and
// metadata of the handout and the reply packet, never stored bytes.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocumentProxy } from "../pdf-reader.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, fixture, tempDir } from "../helpers.ts";
import { pageTexts, tool } from "../pdf/setup.ts";
import { laWith, LA_FILE, oneReply, ROOT, rubric } from "./helpers.ts";

const LA = "los-angeles-regional-human-trafficking-task-force";
const env = { SCORECARD_TODAY: "2027-01-15", SOURCE_DATE_EPOCH: "1800000000" };
const flat = (s: string) => s.replace(/\s+/g, "");

/** The size of every piece of text on each page, in points, with where it is. */
async function textSizes(pdf: Uint8Array) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const out: { str: string; size: number; x: number; y: number; width: number; pageWidth: number; pageHeight: number }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , pageWidth, pageHeight] = page.view as [number, number, number, number];
    for (const item of (await page.getTextContent()).items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [a, b] = item.transform as number[];
      out.push({
        str: item.str,
        size: Math.hypot(a!, b!),
        x: item.transform[4] as number,
        y: item.transform[5] as number,
        width: item.width,
        pageWidth,
        pageHeight,
      });
    }
  }
  return out;
}

describe("the hearing kit, built and printed", () => {
  const dir = tempDir();
  const out = join(dir, "output");
  const file = (name: string) => join(out, name);
  let build: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    mkdirSync(join(dir, "scorecards"));
    copyFileSync(LA_FILE, join(dir, "scorecards", `${LA}.yaml`));
    copyFileSync(fixture("hearing", "hostile-long.yaml"), join(dir, "scorecards", "hostile-long.yaml"));
    build = await cli(["build"], { cwd: dir, env });
  }, 120_000);

  it("writes a one-page handout for each scorecard, with name, grade and at least three recommendations", async () => {
    expect(build.code).toBe(0);
    const pdf = readFileSync(file(`${LA}.handout.pdf`));
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain("Los Angeles Regional Human Trafficking Task Force");
    const scores = JSON.parse(readFileSync(file("scores.json"), "utf8")) as {
      file: string;
      grade: string;
      criteria: { id: string; status: string; max_points: number; points: number }[];
    }[];
    const la = scores.find((s) => s.file.includes(LA))!;
    expect(text).toMatch(new RegExp(`GRADE ${la.grade}\\b`, "i"));
    expect(text).toContain("DRAFT");
    const open = la.criteria.filter((c) => c.status === "not-met" || c.status === "partly-met");
    const shown = rubric.criteria.filter((c) => flat(text).includes(flat(c.recommendation.split(". ")[0]!)));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    // Every criterion it does not meet comes first (three at most).
    for (const c of open.slice(0, 3)) expect(shown.map((s) => s.id)).toContain(c.id);
    expect(flat(text)).toContain(flat(`The full scorecard, with the source of every fact, is the file ${LA}.pdf`));
    expect(text).toContain(`Data: scorecards/${LA}.yaml`);
  });

  it("embeds every font, is tagged, carries its metadata, and uses type of 12 pt or more", async () => {
    const path = file(`${LA}.handout.pdf`);
    const fonts = tool("pdffonts", [path]).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe("yes");
    const info = tool("pdfinfo", [path]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Los Angeles Regional Human Trafficking Task Force: hearing handout \(draft\)/);
    expect(info).toMatch(/Author:\s+Task Force Accountability Scorecard project/);
    const sizes = await textSizes(readFileSync(path));
    expect(Math.min(...sizes.map((s) => s.size))).toBeGreaterThanOrEqual(11.9);
  });

  it("writes the Spanish handout on one page too: Spanish words, the figures per locale, its own title, fonts embedded, 12 pt", async () => {
    const path = file(`${LA}.es.handout.pdf`);
    const pages = await pageTexts(readFileSync(path));
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const scores = JSON.parse(readFileSync(file("scores.json"), "utf8")) as {
      file: string;
      grade: string;
      criteria: { id: string; status: string; max_points: number; points: number }[];
    }[];
    const la = scores.find((s) => s.file.includes(LA))!;
    const points = la.criteria.reduce((n, c) => n + c.points, 0);
    const known = la.criteria.filter((c) => c.status !== "unknown").reduce((n, c) => n + c.max_points, 0);
    const es = (n: number) => new Intl.NumberFormat("es").format(n);
    expect(text).toContain("Los Angeles Regional Human Trafficking Task Force");
    expect(text).toMatch(/HOJA INFORMATIVA PARA LA AUDIENCIA/);
    expect(text).toMatch(/CALIFICACIÓN/);
    expect(text).toContain("BORRADOR");
    if (la.grade === "Incomplete") {
      expect(text).toContain("Incompleta");
      expect(flat(text)).toContain(flat(`Lleva ${es(points)} de ${es(known)} puntos`));
    }
    expect(flat(text)).toContain(
      flat(`Cobertura de datos ${Math.round((known / la.criteria.reduce((n, c) => n + c.max_points, 0)) * 100)} %`),
    );
    for (const h of ["Lo que hay que pedirle al grupo de trabajo", "Preguntas que ninguna fuente responde"])
      expect(flat(text)).toContain(flat(h));
    // Every criterion it does not meet is asked for, in the rubric's Spanish words, and the text is whole: nothing cut.
    const open = la.criteria.filter((c) => c.status === "not-met" || c.status === "partly-met");
    const words = parse(readFileSync(join(ROOT, "rubric", "rubric.es.yaml"), "utf8")) as {
      criteria: Record<string, { recommendation?: string }>;
    };
    for (const c of open.slice(0, 3)) expect(flat(text), c.id).toContain(flat(words.criteria[c.id]!.recommendation!));
    expect(text).not.toContain("…");
    expect(flat(text)).toContain(flat(`es el archivo ${LA}.es.pdf`));
    expect(flat(text)).toContain(flat("15 de enero de 2027"));
    expect(text).not.toMatch(/Hearing handout|would gain|Questions no source|points/i);
    const info = tool("pdfinfo", [path]);
    expect(info).toMatch(/Title:\s+Los Angeles Regional Human Trafficking Task Force: hoja informativa para la audiencia \(borrador\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    for (const line of tool("pdffonts", [path]).trim().split("\n").slice(2)) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe("yes");
    const sizes = await textSizes(readFileSync(path));
    expect(Math.min(...sizes.map((s) => s.size))).toBeGreaterThanOrEqual(11.9);
  });

  it("keeps a hostile, very long task force on one page, cut short instead of spilling over", async () => {
    const pdf = readFileSync(file("hostile-long.handout.pdf"));
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("Example Greater Metropolitan Regional");
    expect(pages[0]).toContain("…");
    expect(pages[0]).toMatch(/GRADE (Incomplete|[A-F])\b/i);
    expect(pages[0]).toContain("The task force replied to the draft on 20 March 2024");
    const outside = (await textSizes(pdf)).filter((s) => s.x < 0 || s.x + s.width > s.pageWidth + 0.5 || s.y < 0 || s.y > s.pageHeight);
    expect(outside.map((s) => s.str)).toEqual([]);
  });

  it("is reproducible, and incremental like the rest of the build", async () => {
    const path = file(`${LA}.handout.pdf`);
    const first = readFileSync(path);
    const before = statSync(path).mtimeMs;
    const again = await cli(["build"], { cwd: dir, env });
    expect(again.stdout).toMatch(/Skipped \(unchanged\)\s+2/);
    expect(statSync(path).mtimeMs).toBe(before);
    rmSync(path);
    const rebuilt = await cli(["build"], { cwd: dir, env });
    expect(rebuilt.stdout).toMatch(/Built\s+1/);
    expect(Buffer.compare(readFileSync(path), first)).toBe(0);
  });

  it("prints site_url from scorecard.config.yaml as the place to read the full scorecard", async () => {
    const site = tempDir();
    mkdirSync(join(site, "scorecards"));
    copyFileSync(LA_FILE, join(site, "scorecards", `${LA}.yaml`));
    writeFileSync(
      join(site, "scorecard.config.yaml"),
      "publisher: Example Advocates (fictional)\nsite_url: https://example.org/scorecards\n",
    );
    expect((await cli(["build"], { cwd: site, env })).code).toBe(0);
    const text = (await pageTexts(readFileSync(join(site, "output", `${LA}.handout.pdf`))))[0]!;
    expect(flat(text)).toContain(flat(`at https://example.org/scorecards (${LA}.pdf)`));
  });

  it("prints a recorded reply in the scorecard, beside its criterion", async () => {
    const copy = tempDir();
    mkdirSync(join(copy, "scorecards"));
    const words = "We have since given a survivor-led group a voting seat (made up for a test).";
    writeFileSync(join(copy, "scorecards", "la-copy.yaml"), laWith(oneReply("affected-community-seats", words), { letter: true }));
    const r = await cli(["build"], { cwd: copy, env });
    expect(r.code).toBe(0);
    const pages = await pageTexts(readFileSync(join(copy, "output", "la-copy.pdf")));
    const all = pages.join(" ");
    expect(flat(all)).toContain(flat(words));
    expect(flat(all)).toContain(flat("The task force's reply, in its own words"));
    expect(flat(pages[0]!)).toContain(flat("The task force replied to the draft on 10 December 2026."));
  });
});

describe("scorecard reply-packet", () => {
  const dir = tempDir();
  let r: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    mkdirSync(join(dir, "scorecards"));
    copyFileSync(LA_FILE, join(dir, "scorecards", `${LA}.yaml`));
    writeFileSync(join(dir, "scorecard.config.yaml"), "publisher: Example Advocates (fictional)\ncontact: A. Person, person@example.org\n");
    r = await cli(["reply-packet", `scorecards/${LA}.yaml`], { cwd: dir, env });
  }, 120_000);

  it("writes a PDF with the letter, every criterion's title, and how to answer", async () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote output/${LA}.reply-packet.pdf and output/${LA}.reply.yaml.`);
    expect(r.stdout).toContain("requested: 2027-01-15");
    const path = join(dir, "output", `${LA}.reply-packet.pdf`);
    const text = (await pageTexts(readFileSync(path))).join(" ");
    for (const c of rubric.criteria) expect(flat(text), c.id).toContain(flat(c.title));
    for (const s of [
      "From Example Advocates (fictional)",
      "Reply to A. Person, person@example.org",
      "Reply by 14 February 2027",
      "How to answer",
    ])
      expect(flat(text)).toContain(flat(s));
    expect(text).toContain("DRAFT FOR REPLY");
    expect(tool("pdfinfo", [path])).toMatch(/Tagged:\s+yes/);
    for (const line of tool("pdffonts", [path]).trim().split("\n").slice(2)) expect(line.split(/\s+/).slice(-5, -4)[0]).toBe("yes");
  });

  it("writes the letter and the draft in Spanish with --lang es, beside the English packet", async () => {
    const es = await cli(["reply-packet", "--lang", "es", `scorecards/${LA}.yaml`], { cwd: dir, env });
    expect(es.code, es.stderr).toBe(0);
    const path = join(dir, "output", `${LA}.reply-packet.es.pdf`);
    const text = flat((await pageTexts(readFileSync(path))).join(" "));
    for (const s of ["De Example Advocates (fictional)", "Composición equilibrada", "BORRADOR PARA RESPONDER"])
      expect(text).toContain(flat(s));
    expect(tool("pdfinfo", [path])).toMatch(/Title:\s+Los Angeles Regional Human Trafficking Task Force: borrador de la boleta/);
    expect(existsSync(join(dir, "output", `${LA}.reply-packet.pdf`))).toBe(true);
    const wrong = await cli(["reply-packet", "--lang", "xx", `scorecards/${LA}.yaml`], { cwd: dir, env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("--lang names 'xx', but the tool has words only for en, es.");
  });

  it("writes a reply template that parses as YAML, one entry per criterion", () => {
    const entries = parse(readFileSync(join(dir, "output", `${LA}.reply.yaml`), "utf8")) as { about: string }[];
    expect(entries.map((e) => e.about)).toEqual([...rubric.criteria.map((c) => c.id), "general"]);
  });

  it("refuses a file with errors, a missing file, and more than one file, in plain words", async () => {
    writeFileSync(join(dir, "scorecards", "bad.yaml"), readFileSync(LA_FILE, "utf8").replace("status: draft", "status: published"));
    const bad = await cli(["reply-packet", "scorecards/bad.yaml"], { cwd: dir, env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/scorecards\/bad\.yaml:\d+:11: this scorecard is published, but the task force was never sent the draft/);
    expect(existsSync(join(dir, "output", "bad.reply-packet.pdf"))).toBe(false);
    const missing = await cli(["reply-packet", "scorecards/none.yaml"], { cwd: dir, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none\.yaml:1:1: cannot read this file/);
    const two = await cli(["reply-packet", "a.yaml", "b.yaml"], { cwd: dir, env });
    expect(two.code).toBe(1);
    expect(two.stderr).toContain("one task force file at a time");
  });

  it("warns when the config names no contact, and asks for a reply to the publisher", async () => {
    const bare = tempDir();
    mkdirSync(join(bare, "scorecards"));
    copyFileSync(LA_FILE, join(bare, "scorecards", "la.yaml"));
    const w = await cli(["reply-packet", "scorecards/la.yaml"], { cwd: bare, env });
    expect(w.code).toBe(0);
    expect(w.stderr).toContain("warning: scorecard.config.yaml has no contact:");
  });
});

describe("printToFit", () => {
  it("prints the first version that fits one page, and cuts even an impossible one to one page", async () => {
    const { startBrowser, lockedPage } = await import("../pdf/setup.ts");
    const { printToFit, pageCount } = await import("../../src/pdf/fit.ts");
    const browser = await startBrowser();
    try {
      const { page } = await lockedPage(browser);
      const doc = (paragraphs: number, mark: string) =>
        `<!DOCTYPE html><html><head><title>t</title></head><body>${`<p>${mark} paragraph of text.</p>`.repeat(paragraphs)}</body></html>`;
      const fits = await printToFit(page, [doc(400, "long"), doc(5, "short")], { format: "Letter", date: "2027-01-15" });
      expect(pageCount(fits)).toBe(1);
      expect((await pageTexts(fits))[0]).toContain("short paragraph");
      const cut = await printToFit(page, [doc(400, "long"), doc(300, "still long")], { format: "Letter", date: "2027-01-15" });
      expect(pageCount(cut)).toBe(1);
      expect(await pageTexts(cut)).toHaveLength(1);
      // The page count read from the bytes agrees with a PDF reader's.
      const { printPdf } = await import("../../src/pdf/print.ts");
      const three = await printPdf(page, doc(130, "counted"), { format: "Letter", date: "2027-01-15" });
      expect(pageCount(three)).toBe((await pageTexts(three)).length);
      expect(pageCount(three)).toBeGreaterThan(1);
    } finally {
      await browser.close();
    }
  });
});
