// `npm run bench -- languages`: what building in two languages costs, and that the English
// scorecard did not get slower or bigger for it. Measured in the same run:
//
//   english      `scorecard build --lang en` of N fictional scorecards (English only, as a
//                collection with `languages: [en]` builds), fresh output/
//   both         `scorecard build` of the same files in English and Spanish (the default)
//   floor        one warm browser printing the same English HTML files on reused pages
//   render       renderDocument of the LA scorecard in English and in Spanish (median of rounds)
//   html size    the English LA scorecard's HTML and the font data in it (target: under 370 KB)
//
// Targets: both / english about 2× (each language is printed), at most 2.3×; the English HTML
// under 370 KB. english / floor is for information: the build also prints the handouts and
// summary.pdf. That English alone is no slower than before was measured against the commit
// before the languages (see the closing note of issue 12); the fonts bench shows the English
// page inlines no more font data than before.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { RUBRIC_FILE } from "../src/cli/context.ts";
import { run, type CliIO } from "../src/cli/main.ts";
import { readLanguage } from "../src/io/languages.ts";
import { readTheme } from "../src/io/theme.ts";
import { findBrowser } from "../src/pdf/browser.ts";
import { launchBrowser, lockDown, printPdf } from "../src/pdf/print.ts";
import { check, renderDocument } from "../src/pipeline.ts";
import { compileTheme } from "../src/render/render.ts";
import { parseRubric } from "../src/score/rubric.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: false,
  options: { n: { type: "string", default: "20" }, "languages-n": { type: "string" } },
});
const N = Number(values["languages-n"] ?? Math.min(Number(values.n), 40));
const C = availableParallelism();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function makeScorecards(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-bench-lang-"));
  mkdirSync(join(dir, "scorecards"));
  const base = readFileSync(join(ROOT, "tests", "fixtures", "valid", "example-county.yaml"), "utf8");
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(4, "0");
    writeFileSync(
      join(dir, "scorecards", `example-${id}.yaml`),
      base.replace("name: Example County Task Force", `name: Example Task Force ${id}`),
    );
  }
  return dir;
}

const quietIO = (cwd: string): CliIO => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  cwd,
  env: { ...process.env, CI: "true" },
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

async function floor(htmlFiles: string[]): Promise<number> {
  const browser = await launchBrowser(findBrowser(process.env)!);
  try {
    const pages: Page[] = [];
    for (let i = 0; i < C; i++) {
      const page = await browser.newPage();
      await lockDown(page);
      pages.push(page);
    }
    const htmls = htmlFiles.map((f) => readFileSync(f, "utf8"));
    await printPdf(pages[0]!, htmls[0]!, { format: "Letter" });
    const queue = [...htmls];
    return await timed(() =>
      Promise.all(
        pages.map(async (page) => {
          for (let html = queue.shift(); html !== undefined; html = queue.shift()) await printPdf(page, html, { format: "Letter" });
        }),
      ),
    );
  } finally {
    await browser.close();
  }
}

async function main() {
  console.log(`N = ${N} fictional scorecards, concurrency ${C}`);
  const dir = makeScorecards(N);
  const english: number[] = [];
  const both: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < 2; round++) {
    rmSync(join(dir, "output"), { recursive: true, force: true });
    english.push(
      await timed(async () => {
        if ((await run(["build", "--lang", "en", "--concurrency", String(C)], quietIO(dir))) !== 0)
          throw new Error("the English build failed");
      }),
    );
    const htmlFiles = readdirSync(join(dir, "output"))
      .filter((f) => /^example-\d+\.html$/.test(f))
      .map((f) => join(dir, "output", f));
    floors.push(await floor(htmlFiles));
    rmSync(join(dir, "output"), { recursive: true, force: true });
    both.push(
      await timed(async () => {
        if ((await run(["build", "--concurrency", String(C)], quietIO(dir))) !== 0) throw new Error("the two-language build failed");
      }),
    );
  }
  const en = Math.min(...english);
  const two = Math.min(...both);
  const fl = Math.min(...floors);

  const rubric = parseRubric(readFileSync(RUBRIC_FILE, "utf8"));
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
  const words = { en: readLanguage("en", rubric, RUBRIC_FILE), es: readLanguage("es", rubric, RUBRIC_FILE) };
  const renderMs = (lang: "en" | "es") => {
    const w = words[lang];
    const ts: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      renderDocument(tf, w.rubric, renderHtml, provenance, undefined, [], w.messages);
      ts.push(performance.now() - t);
    }
    return median(ts.slice(10));
  };
  const html = renderDocument(tf, rubric, renderHtml, provenance).html;
  const fontBytes = (html.match(/url\(data:[^)]*\)/g) ?? []).reduce((s, x) => s + x.length, 0);

  const row = (label: string, value: string, ratio = "", verdict = "") => {
    console.log(`${label.padEnd(34)}${value.padStart(12)}  ${ratio.padEnd(24)}${verdict}`);
  };
  // The build also prints each handout and summary.pdf, which the floor does not: for information.
  row("English build (--lang en)", `${en.toFixed(2)} s`, `${(en / fl).toFixed(2)}× the floor`, "(for information)");
  row("floor: printing the English HTML", `${fl.toFixed(2)} s`);
  row(
    "English and Spanish (default)",
    `${two.toFixed(2)} s`,
    `${(two / en).toFixed(2)}× English alone`,
    two / en <= 2.3 ? "PASS (≤ 2.3×)" : "MISSED (≤ 2.3×)",
  );
  row("render LA, English", `${renderMs("en").toFixed(2)} ms`);
  row("render LA, Spanish", `${renderMs("es").toFixed(2)} ms`);
  row(
    "English LA HTML",
    `${(html.length / 1024).toFixed(0)} KB`,
    `fonts ${(fontBytes / 1024).toFixed(0)} KB`,
    html.length < 370 * 1024 ? "PASS (< 370 KB)" : "MISSED (< 370 KB)",
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
