import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeHtml, infoFromHtml, pdfTextString, readTrailer, withInfo } from "../../src/pdf/metadata.ts";
import { fixDates, makeReproducible, pdfDate, renumberIds } from "../../src/pdf/reproducible.ts";
import { tempDir } from "../helpers.ts";

/** A small, valid PDF 1.4 laid out the way Chromium writes one: Info first, classic xref. */
function tinyPdf(ids: string[], date = "D:20261129200929+00'00'"): Uint8Array {
  const objects = [
    `<</Title (Tiny)\n/CreationDate (${date})\n/ModDate (${date})>>`,
    `<</Type /Catalog /Pages 3 0 R /MarkInfo <</Marked true>> /StructTreeRoot 5 0 R>>`,
    `<</Type /Pages /Kids [4 0 R] /Count 1>>`,
    `<</Type /Page /Parent 3 0 R /MediaBox [0 0 100 100]>>`,
    `<</Type /StructTreeRoot /IDTree 6 0 R /K [${ids.map((_, i) => `${7 + i} 0 R`).join(" ")}]>>`,
    `<</Names [${[...ids]
      .sort()
      .map((id) => `(${id}) ${7 + ids.indexOf(id)} 0 R`)
      .join(" ")}]>>`,
    ...ids.map((id) => `<</Type /StructElem /S /TH /P 5 0 R /ID (${id})>>`),
  ];
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, "latin1"));
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

function qpdfCheck(pdf: Uint8Array): string {
  const file = join(tempDir(), "t.pdf");
  writeFileSync(file, pdf);
  return execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
}

function pdfinfo(pdf: Uint8Array): string {
  const file = join(tempDir(), "t.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdfinfo", [file], { encoding: "utf8" });
}

describe("pdfDate and fixDates", () => {
  it("writes midnight UTC of the given day", () => {
    expect(pdfDate("2018-08-21")).toBe("D:20180821000000+00'00'");
    expect(() => pdfDate("21 August 2018")).toThrow(/not a YYYY-MM-DD/);
  });

  it("replaces both dates with the same-length fixed value", () => {
    const before = latin1(tinyPdf([]));
    const after = fixDates(before, "2020-02-03");
    expect(after.length).toBe(before.length);
    expect(after).toContain("/CreationDate (D:20200203000000+00'00')");
    expect(after).toContain("/ModDate (D:20200203000000+00'00')");
    expect(after).not.toContain("20261129200929");
  });

  it("keeps the length of an unusually short date", () => {
    const text = "/CreationDate (D:20261129)";
    const after = fixDates(text, "2020-02-03");
    expect(after).toBe("/CreationDate (D:20200203)");
  });

  it("gives two prints made at different times the same bytes", () => {
    const a = makeReproducible(tinyPdf(["node00000065", "node00000017"], "D:20261129200929+00'00'"), "2024-01-01");
    const b = makeReproducible(tinyPdf(["node00000071", "node00000018"], "D:20261130101010+00'00'"), "2024-01-01");
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});

describe("renumberIds", () => {
  it("numbers ids from 1 in sorted order, keeping their length and the name tree's order", () => {
    const text = latin1(tinyPdf(["node00000065", "node00000017", "node00000019", "node00000018"]));
    const after = renumberIds(text);
    expect(after.length).toBe(text.length);
    // 17 → 1, 18 → 2, 19 → 3, 65 → 4: the order is unchanged.
    expect(after).toContain("/Names [(node00000001) 8 0 R (node00000002) 10 0 R (node00000003) 9 0 R (node00000004) 7 0 R]");
    expect(after).toContain("/S /TH /P 5 0 R /ID (node00000004)");
    expect(after).not.toMatch(/node000000(65|17|18|19)/);
  });

  it("leaves text without structure ids alone, and strings that only look like ids", () => {
    expect(renumberIds("(node00000005) no /ID here")).toBe("(node00000005) no /ID here");
  });

  it("leaves a PDF whose ids would not fit their width unchanged rather than breaking offsets", () => {
    // Ten one-digit ids: the tenth would need two digits.
    const ids = Array.from({ length: 10 }, (_, i) => `node${i}`);
    const pdf = tinyPdf(ids);
    const out = latin1(makeReproducible(pdf, "2024-01-01"));
    expect(out.length).toBe(pdf.length);
    expect(out).toContain("/ID (node9)");
  });

  it("still passes qpdf --check after both rewrites", () => {
    const out = makeReproducible(tinyPdf(["node00000065", "node00000017"]), "2024-01-01");
    expect(qpdfCheck(out)).toMatch(/No syntax or stream encoding errors/);
  });
});

describe("withInfo", () => {
  const info = {
    title: "Example County Task Force: scorecard",
    author: "Example Advocates (fictional) ✓",
    subject: "A subject with (parentheses) and \\ backslash",
    keywords: "a, b, c",
  };

  it("appends an Info dictionary that pdfinfo reads, keeping the PDF valid and tagged", () => {
    const out = withInfo(tinyPdf(["node00000001"]), info, "2024-01-01");
    const text = pdfinfo(out);
    expect(text).toMatch(/Title:\s+Example County Task Force: scorecard/);
    expect(text).toMatch(/Author:\s+Example Advocates \(fictional\) ✓/);
    expect(text).toMatch(/Subject:\s+A subject with \(parentheses\) and \\ backslash/);
    expect(text).toMatch(/Keywords:\s+a, b, c/);
    expect(text).toMatch(/Tagged:\s+yes/);
    expect(qpdfCheck(out)).toMatch(/No syntax or stream encoding errors/);
  });

  it("keeps every original byte and points back to the original cross-reference table", () => {
    const pdf = tinyPdf([]);
    const out = withInfo(pdf, info, "2024-01-01");
    expect(Buffer.from(out.slice(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    expect(latin1(out)).toContain(`/Prev ${readTrailer(latin1(pdf)).startxref}`);
  });

  it("writes text as UTF-16 hex, which no character can break out of", () => {
    expect(pdfTextString("A)>")).toBe("<FEFF00410029003E>");
  });

  it("refuses a PDF without a trailer, as a bug", () => {
    expect(() => readTrailer("%PDF-1.5\nno trailer")).toThrow(/this is a bug/);
  });
});

describe("infoFromHtml", () => {
  it("reads the title, author, description, keywords and date the template writes", () => {
    const html = `<html><head><meta name="author" content="A &amp; B"><meta name="description" content="It&#x27;s &quot;fine&quot;"><meta name="keywords" content="x, y"><meta name="dcterms.date" content="2024-05-06"><title>T &lt;1&gt;</title></head><body><meta name="author" content="not this"></body></html>`;
    expect(infoFromHtml(html)).toEqual({
      info: { title: "T <1>", author: "A & B", subject: `It's "fine"`, keywords: "x, y" },
      date: "2024-05-06",
    });
  });

  it("ignores a date that is not YYYY-MM-DD", () => {
    expect(infoFromHtml(`<head><meta name="dcterms.date" content="soon"></head>`).date).toBeUndefined();
  });

  it("decodes numeric entities and leaves unknown ones", () => {
    expect(decodeHtml("&#96;&#x3D;&nope;")).toBe("`=&nope;");
  });
});
