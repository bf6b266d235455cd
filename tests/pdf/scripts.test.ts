// Names in every script of Los Angeles County print with the bundled fonts only: the text
// comes back out of the PDF, no font of the machine is used, and Arabic reads right to left.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printPdf } from "../../src/pdf/print.ts";
import { cli, fixture, tempDir } from "../helpers.ts";
import { loadTaskForce, lockedPage, render, startBrowser, tool } from "./setup.ts";

const NAMES = {
  Korean: "예시 카운티 가족 상담소",
  "Traditional Chinese": "範例縣華人服務中心",
  "Simplified Chinese": "示例县华人妇女会",
  Armenian: "Օրինակ Համայնքային Կենտրոն",
  Vietnamese: "Trung tâm Cộng đồng Việt Nam Quận Mẫu",
  Arabic: "مركز المجتمع العربي النموذجي",
  Farsi: "انجمن ایرانی‌تبار نمونه",
  Russian: "Общественный центр округа Пример",
  Thai: "ศูนย์ชุมชนไทยตัวอย่าง",
  Khmer: "មជ្ឈមណ្ឌលសហគមន៍ខ្មែរគំរូ",
  Japanese: "例示郡日系コミュニティセンター",
  Greek: "Ελληνική Κοινότητα Παραδείγματος",
  Tagalog: "Samahan ng mga Pilipino sa Halimbawang County",
};

/** PostScript names of the fonts installed on this machine, such as LiberationSans. */
function systemFonts(): Set<string> {
  try {
    return new Set(
      execFileSync("fc-list", [":", "postscriptname"], { encoding: "utf8" })
        .split("\n")
        .map((l) => l.replace(/^:postscriptname=/, "").trim())
        .filter(Boolean),
    );
  } catch {
    return new Set(); // no fontconfig: no system fonts to fall back to either
  }
}

let browser: Browser | undefined;
const built = render(loadTaskForce(fixture("render", "many-scripts.yaml")));
let file: string;
let pdf: Uint8Array;

beforeAll(async () => {
  browser = await startBrowser();
  const { page } = await lockedPage(browser);
  try {
    pdf = await printPdf(page, built.html, { format: "Letter" });
  } finally {
    await page.close();
  }
  file = join(tempDir(), "many-scripts.pdf");
  writeFileSync(file, pdf);
});
afterAll(async () => {
  await browser?.close();
});

describe("a scorecard with names in every script of Los Angeles County", () => {
  it("embeds only bundled fonts, none of the machine's", () => {
    const names = tool("pdffonts", [file])
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""));
    expect(names.length).toBeGreaterThan(5);
    const system = systemFonts();
    for (const name of names) {
      expect(name).toMatch(/^(SourceSans3|NotoSans)/);
      expect(system.has(name), `${name} is a system font`).toBe(false);
    }
    for (const family of ["NotoSansArabic", "NotoSansArmenian", "NotoSansThai", "NotoSansKhmer", "NotoSansKR", "NotoSansTC"]) {
      expect(
        names.some((n) => n.startsWith(family)),
        family,
      ).toBe(true);
    }
  });

  it("gives every name back as text", () => {
    const text = tool("pdftotext", [file, "-"]);
    const flat = text.replace(/\s/g, "");
    for (const [script, name] of Object.entries(NAMES)) {
      // Khmer's subscript letters are set apart, and pdftotext may read a space between them.
      if (script === "Khmer") expect(flat, script).toContain(name.replace(/\s/g, ""));
      else expect(text, script).toContain(name);
    }
  });

  it("reads the Arabic and Farsi names right to left, with their source numbers after them", async () => {
    const page = await browser!.newPage();
    try {
      await page.setContent(built.html);
      for (const [first, last] of [
        ["مركز", "النموذجي"],
        ["انجمن", "نمونه"],
      ] as const) {
        const geometry = await page.evaluate(
          (first, last) => {
            const cell = [...document.querySelectorAll("table.members td")].find((td) => td.textContent.trim().startsWith(first))!;
            // The name is printed as the file gives it, in an element that carries its language.
            const text = (cell.querySelector("[lang]")?.firstChild ?? cell.firstChild) as Text;
            const rect = (word: string) => {
              const range = document.createRange();
              const at = text.data.indexOf(word);
              range.setStart(text, at);
              range.setEnd(text, at + word.length);
              return range.getBoundingClientRect();
            };
            const refs = cell.querySelector(".refs")!.getBoundingClientRect();
            return { first: rect(first).left, last: rect(last).left, lastRight: rect(first).right, refs: refs.left };
          },
          first,
          last,
        );
        expect(geometry.first, first).toBeGreaterThan(geometry.last);
        expect(geometry.refs, first).toBeGreaterThanOrEqual(geometry.lastRight - 0.5);
      }
    } finally {
      await page.close();
    }
  });

  it("is reproducible: printed twice, the same bytes", async () => {
    const { page } = await lockedPage(browser!);
    try {
      const again = await printPdf(page, built.html, { format: "Letter" });
      expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe("scorecard build with names in every script", () => {
  it("prints the scorecard, its web page and summary.pdf with bundled fonts only", async () => {
    const out = tempDir();
    const result = await cli(["build", "--out", out, "--concurrency", "1", fixture("render", "many-scripts.yaml")], {
      env: { SOURCE_DATE_EPOCH: "1700000000" },
    });
    expect(result.code, result.stderr).toBe(0);
    for (const pdf of ["many-scripts.pdf", "summary.pdf"]) {
      const fonts = tool("pdffonts", [join(out, pdf)])
        .split("\n")
        .slice(2)
        .filter(Boolean);
      expect(fonts.length, pdf).toBeGreaterThan(0);
      for (const line of fonts) expect(line, pdf).toMatch(/^[A-Z]{6}\+(SourceSans3|NotoSans)\S*\s+CID TrueType\s.*\byes\s+yes\s+yes\b/);
    }
    const html = readFileSync(join(out, "many-scripts.html"), "utf8");
    expect(html).toContain(NAMES.Arabic);
    expect(html).toContain("font-family: 'Noto Sans Arabic'");
  }, 60_000);
});
