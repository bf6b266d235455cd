// The printed scorecard, checked the way a reader would: by its text, pages, fonts,
// outline and metadata, never by stored bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { getAnnotations, getDocumentProxy } from "../pdf-reader.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printPdf } from "../../src/pdf/print.ts";
import { cli, fixture, tempDir } from "../helpers.ts";
import { LA_FILE, loadTaskForce, lockedPage, pageTexts, render, startBrowser, tool } from "./setup.ts";

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function print(html: string, format: "Letter" | "A4" = "Letter") {
  const { page, blocked } = await lockedPage(browser!);
  try {
    const pdf = await printPdf(page, html, { format });
    const file = join(tempDir(), "scorecard.pdf");
    writeFileSync(file, pdf);
    return { pdf, file, blocked };
  } finally {
    await page.close();
  }
}

/** Text items that reach past the page's edges: text that overflows or is clipped. */
async function textOutsidePage(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const x = item.transform[4] as number;
      const y = item.transform[5] as number;
      if (x < 0 || x + item.width > width + 0.5 || y < 0 || y > height) out.push(`page ${p}: ${item.str}`);
    }
  }
  return out;
}

describe("the Los Angeles scorecard", () => {
  const tf = loadTaskForce(LA_FILE);
  const built = render(tf);
  let result: Awaited<ReturnType<typeof print>>;
  let pages: string[];
  beforeAll(async () => {
    result = await print(built.html);
    pages = await pageTexts(result.pdf);
  });

  it("carries the name, grade, score, coverage, key facts and every criterion with its reason on page 1", () => {
    const one = pages[0]!;
    expect(one).toContain("Los Angeles Regional Human Trafficking Task Force");
    expect(one).toMatch(/\bGRADE\b/i);
    expect(one).toMatch(new RegExp(`(^|\\s)${built.card.grade}(\\s|$)`));
    expect(one).toContain(
      built.card.grade === "Incomplete"
        ? `Points so far: ${built.card.points} of ${built.card.scoredMaxPoints}`
        : `Score ${built.card.percent}%`,
    );
    expect(one).toContain(`Coverage ${Math.round(built.card.coverage * 100)}%`);
    // The sources' own words: "roughly 70", and none reported (never 0) for trafficking arrests.
    for (const fact of [
      "roughly 70 officers deployed",
      "33 arrests for prostitution and solicitation charges",
      "none reported arrests for trafficking",
      "10 people referred to services",
    ])
      expect(one.replace(/\s+/g, " ")).toContain(fact);
    expect(one).not.toMatch(/\b0 arrests for trafficking\b/);
    expect(one.replace(/\s+/g, " ")).toContain("according to an op-ed by Kate D'Adamo");
    // Lines may wrap anywhere, so compare without white space.
    const flat = one.replace(/\s/g, "");
    for (const c of built.card.criteria) {
      expect(c.reason.length).toBeGreaterThan(0);
      expect(flat).toContain(c.title.replace(/\s/g, ""));
      expect(flat).toContain(c.reason.replace(/\s/g, ""));
    }
  });

  it("fits on 6 pages or fewer, each with its page number and provenance line", () => {
    expect(pages.length).toBeLessThanOrEqual(6);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain("commit 0123456789ab + uncommitted changes");
      expect(text).toContain("DRAFT · NOT FINAL");
    });
  });

  it("keeps the DRAFT picture out of the page text", () => {
    // The only DRAFT in the text is the margin line, never stray letters mixed into sentences.
    const layout = tool("pdftotext", ["-layout", result.file, "-"]);
    expect(layout).not.toMatch(/^\s*(D|R|A|F|T|RA|DR|AF|FT)\s*$/m);
  });

  it("embeds every font, is tagged, passes qpdf --check and has its document properties", () => {
    const fonts = tool("pdffonts", [result.file]).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    const info = tool("pdfinfo", [result.file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Los Angeles Regional Human Trafficking Task Force: accountability scorecard \(draft\)/);
    expect(info).toMatch(/Author:\s+Example Publisher \(fictional\)/);
    expect(info).toMatch(/Subject:\s+How Los Angeles/);
    expect(info).toMatch(/Keywords:\s+human trafficking task force/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(info).toMatch(/CreationDate:\s+Wed Jan\s+2 00:00:00 2030 UTC/);
    expect(tool("qpdf", ["--check", result.file])).toMatch(/No syntax or stream encoding errors/);
  });

  it("has an outline entry for each section", async () => {
    const doc = await getDocumentProxy(new Uint8Array(result.pdf));
    const titles: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null) => {
      for (const item of items ?? []) {
        titles.push(item.title);
        walk(item.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(await doc.getOutline());
    for (const h of [
      "Los Angeles Regional Human Trafficking Task Force",
      "Key facts",
      "Who is named as a member",
      "The criteria",
      "Each criterion in detail",
      "Operations",
      "Membership",
      "Policies",
      "What we don't know",
      "How the grade is worked out",
      "Sources",
    ]) {
      expect(titles.map((t) => t.replace(/\s/g, "")).some((t) => t.startsWith(h.replace(/\s/g, "")))).toBe(true);
    }
  });

  it("links only the http(s) source addresses, and makes no request", async () => {
    expect(result.blocked).toEqual([]);
    const doc = await getDocumentProxy(new Uint8Array(result.pdf));
    for (let p = 1; p <= doc.numPages; p++) {
      for (const a of await getAnnotations(doc, p)) {
        if (a.subtype === "Link") expect(a.url).toMatch(/^https?:\/\//);
      }
    }
  });

  it("has no text past the page edges", async () => {
    expect(await textOutsidePage(result.pdf)).toEqual([]);
  });

  it("prints on A4 when asked", async () => {
    const a4 = await print(built.html, "A4");
    expect(tool("pdfinfo", [a4.file])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect((await pageTexts(a4.pdf)).length).toBeLessThanOrEqual(6);
  });
});

describe("very long names and unbroken strings", () => {
  const tf = loadTaskForce(fixture("render", "long-strings.yaml"));
  const built = render(tf);

  it("wrap instead of running off the page, and every reason is still in the text", async () => {
    const { pdf } = await print(built.html);
    expect(await textOutsidePage(pdf)).toEqual([]);
    const all = (await pageTexts(pdf)).join(" ");
    const joined = all.replace(/ /g, "");
    for (const c of built.card.criteria) expect(joined).toContain(c.reason.replace(/\s+/g, ""));
    expect(joined).toContain("OperationWithAnExtremelyLongUnbrokenNameThatKeepsGoingAndGoingWithoutAnySpacesAtAllToTestWrapping");
  });

  it("marks a scorecard sent for reply as a draft, and a fictional one as fictional, on every page", async () => {
    const { pdf } = await print(built.html);
    for (const text of await pageTexts(pdf)) {
      expect(text).toContain("DRAFT · NOT FINAL");
      expect(text).toContain("FICTIONAL EXAMPLE");
    }
  });
});

describe("a published scorecard", () => {
  it("has no DRAFT mark", async () => {
    const { html } = render(loadTaskForce(fixture("valid", "example-county.yaml")));
    expect(html).not.toContain(`class="draft-mark"`);
    const { pdf } = await print(html);
    for (const text of await pageTexts(pdf)) expect(text).not.toContain("DRAFT");
  });
});

describe("reproducible builds", () => {
  it("two fresh builds with the same SOURCE_DATE_EPOCH give byte-identical PDFs", async () => {
    const outputs: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = tempDir({ "scorecards/la.yaml": LA_FILE });
      const r = await cli(["build", "--force"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1893456000" } });
      expect(r.code).toBe(0);
      outputs.push(readFileSync(join(dir, "output", "la.pdf")));
    }
    expect(outputs[0]!.equals(outputs[1]!)).toBe(true);
  });
});
