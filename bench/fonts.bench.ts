// `npm run bench -- fonts`: the English scorecard did not get bigger or slower when the fonts
// for every script of Los Angeles County were bundled. Baseline, measured in the same run:
// the same page with the fonts inlined the way they were before (Source Sans 3's latin and
// latin-ext pieces in all four weights and styles, whatever the text).
//
//   html size    the LA scorecard's HTML, now and with the old fonts
//   choose       working out which font pieces the page needs (part of rendering it)
//   render       renderDocument of the LA scorecard, fonts chosen and inlined
//   print        one warm browser printing the page, now / with the old fonts (median of rounds)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFonts, readTheme } from "../src/io/theme.ts";
import { ensureBrowser } from "../src/pdf/browser.ts";
import { launchBrowser, lockDown, printPdf } from "../src/pdf/print.ts";
import { check, renderDocument } from "../src/pipeline.ts";
import { fontFaceCss, printedText, selectFaces } from "../src/render/fonts.ts";
import { compileTheme } from "../src/render/render.ts";
import { parseRubric } from "../src/score/rubric.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ROUNDS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown, n: number) => {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return median(ts);
};

const rubric = parseRubric(readFileSync(join(ROOT, "rubric", "rubric.yaml"), "utf8"));
const renderHtml = compileTheme(readTheme(join(ROOT, "templates")));
const file = join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml");
const tf = check(file, readFileSync(file, "utf8"), "2100-01-01").taskForce!;
const provenance = {
  dataFile: "scorecards/la.yaml",
  commit: "0123456789ab",
  dirty: false,
  rubricVersion: rubric.version,
  date: "2030-01-02",
};
const html = renderDocument(tf, rubric, renderHtml, provenance).html;

// The old page: the same HTML with the fonts of before in place of the chosen ones.
const fonts = readFonts();
const old = fontFaceCss(
  fonts.library
    .facesOf("Source Sans 3")
    .filter((f) => (f.subset === "latin" || f.subset === "latin-ext") && !(f.weight === 700 && f.style === "italic")),
  fonts.base64,
);
const oldHtml = html.replace(/<style>\n@font-face[\s\S]*?<\/style>\n/, () => `<style>\n${old}\n</style>\n`);
if (oldHtml === html) throw new Error("could not find the inlined fonts in the page (the bench is out of date)");

const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB`;
console.log(
  `html size    now ${kb(html)}, with the old fonts ${kb(oldHtml)} (ratio ${(Buffer.byteLength(html) / Buffer.byteLength(oldHtml)).toFixed(2)})`,
);
const text = printedText(html);
console.log(`choose       ${time(() => selectFaces(text, fonts.library), 50).toFixed(2)} ms per page`);
console.log(`render       ${time(() => renderDocument(tf, rubric, renderHtml, provenance), 30).toFixed(2)} ms per page`);

const browser = await launchBrowser(
  ensureBrowser(process.env, (l) => {
    console.error(l);
  }),
);
try {
  const page = await browser.newPage();
  await lockDown(page);
  const now: number[] = [];
  const before: number[] = [];
  await printPdf(page, html, { format: "Letter" }); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    for (const [h, into] of [
      [html, now],
      [oldHtml, before],
    ] as const) {
      const t = performance.now();
      await printPdf(page, h, { format: "Letter" });
      into.push(performance.now() - t);
    }
  }
  const ratio = median(now) / median(before);
  console.log(
    `print        now ${median(now).toFixed(0)} ms, with the old fonts ${median(before).toFixed(0)} ms (ratio ${ratio.toFixed(2)}, ${ratio <= 1.05 ? "not slower" : "SLOWER"})`,
  );
} finally {
  await browser.close();
}
