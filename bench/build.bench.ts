// `npm run bench -- --n 200`: measures the build of N fictional scorecards against a floor
// and a baseline measured in the same run, and peak memory for N and 5N documents.
//
//   full build   our `scorecard build`, in this process (modules already loaded), fresh output/
//   floor        one warm browser printing the same HTML files on reused pages, same concurrency
//   baseline     a browser launched for every document, one at a time and C at a time (for
//                information: printing a six-page tagged document costs most of the time, so
//                the ratio measures the document rather than the tool)
//   no change    `scorecard build` again with nothing changed (must launch no browser)
//   peak memory  node plus every Chromium process (PSS, sampled from /proc), for M and 5M
//                documents (M = N unless --memory-n says otherwise), to show it does not grow
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { run, type CliIO } from "../src/cli/main.ts";
import { load } from "../src/load/load.ts";
import { check } from "../src/pipeline.ts";
import { findBrowser, ensureBrowser } from "../src/pdf/browser.ts";
import { launchBrowser, lockDown, printPdf } from "../src/pdf/print.ts";
import { parseRubric } from "../src/score/rubric.ts";
import { score } from "../src/score/score.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: false,
  options: {
    n: { type: "string", default: "200" },
    concurrency: { type: "string" },
    "memory-factor": { type: "string", default: "5" },
    "memory-n": { type: "string" },
    "no-memory": { type: "boolean" },
  },
});
/** A whole number ≥ 1 from an option, or a plain error that names it. */
function count(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: --${name} must be a whole number of at least 1, such as --${name} 200 (not ${JSON.stringify(value)}).`);
    process.exit(1);
  }
  return n;
}
const N = count("n", values.n);
const C = count("concurrency", values.concurrency ?? availableParallelism());
const FACTOR = count("memory-factor", values["memory-factor"]);
const BASELINE_SAMPLE = 30;
/** Peak memory is compared at M and 5M documents: M = N unless --memory-n makes it smaller (quicker). */
const M = Math.min(N, count("memory-n", values["memory-n"] ?? N));

/** N fictional scorecards, each a little different, in a fresh folder. */
function makeScorecards(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-bench-"));
  mkdirSync(join(dir, "scorecards"));
  const base = readFileSync(join(ROOT, "tests", "fixtures", "valid", "example-county.yaml"), "utf8");
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(4, "0");
    const text = base
      .replace("name: Example County Task Force", `name: Example Task Force ${id}`)
      .replace("officers_deployed: 12", `officers_deployed: ${10 + (i % 40)}`)
      .replace("county: Example County", `county: Example County ${id}`);
    writeFileSync(join(dir, "scorecards", `example-${id}.yaml`), text);
  }
  return dir;
}

/** A browser wrapper that logs each launch, so the bench can prove a build launched none. */
function countingBrowser(dir: string): { env: Record<string, string>; launches: () => number } {
  const found = ensureBrowser(process.env, (l) => {
    console.error(l);
  });
  const log = join(dir, "launches.log");
  writeFileSync(log, "");
  const path = join(dir, "chromium-headless-shell");
  writeFileSync(path, `#!/bin/sh\necho $$ >> '${log}'\nexec '${found.executablePath}' "$@"\n`);
  chmodSync(path, 0o755);
  return { env: { PUPPETEER_EXECUTABLE_PATH: path }, launches: () => readFileSync(log, "utf8").split("\n").filter(Boolean).length };
}

const quietIO = (cwd: string, env: Record<string, string>): CliIO => ({
  stdout: { write: () => true },
  stderr: { write: (s: string) => (/internal error|could not|FAILED/.test(s) ? process.stderr.write(s) : true) },
  cwd,
  env: { ...process.env, CI: "true", ...env },
});

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [(performance.now() - t) / 1000, r];
}

/** Prints each HTML file on a warm browser, reusing C locked-down pages: the floor of any build. */
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
    await printPdf(pages[0]!, htmls[0]!, { format: "Letter" }); // warm up
    const queue = [...htmls];
    const [seconds] = await time(() =>
      Promise.all(
        pages.map(async (page) => {
          for (let html = queue.shift(); html !== undefined; html = queue.shift()) await printPdf(page, html, { format: "Letter" });
        }),
      ),
    );
    return seconds;
  } finally {
    await browser.close();
  }
}

/** A new browser per document, C at a time. */
async function baseline(htmlFiles: string[], concurrency: number): Promise<number> {
  const found = findBrowser(process.env)!;
  const queue = [...htmlFiles];
  const [seconds] = await time(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
          const browser = await launchBrowser(found);
          try {
            const page = await browser.newPage();
            await lockDown(page);
            await printPdf(page, readFileSync(f, "utf8"), { format: "Letter" });
          } finally {
            await browser.close();
          }
        }
      }),
    ),
  );
  return seconds;
}

/** Every process in the tree under `root`, from /proc. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // Gone while we looked.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** Proportional set size in bytes: shared pages are split between processes, not counted twice. */
function pss(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs the real CLI (a separate process) and samples the memory of it and its Chromium. */
function peakMemory(cwd: string, env: Record<string, string>): Promise<{ peak: number; seconds: number; code: number | null }> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, [join(ROOT, "bin", "scorecard.js"), "build", "--force", "--concurrency", String(C)], {
      cwd,
      env: { ...process.env, CI: "true", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    });
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      peak = Math.max(
        peak,
        tree(child.pid).reduce((sum, pid) => sum + pss(pid), 0),
      );
    }, 250);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ peak, seconds: (performance.now() - t) / 1000, code });
    });
  });
}

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const s = (x: number) => `${x.toFixed(2)} s`;
const row = (label: string, value: string, note = "") => {
  console.log(`  ${label.padEnd(38)} ${value.padStart(10)}  ${note}`);
};

async function main() {
  const skipMemory = values["no-memory"] === true;
  console.log(
    `N = ${N} fictional scorecards, concurrency ${C}; ${skipMemory ? "peak memory not measured (--no-memory)" : `peak memory at M = ${M} and ${FACTOR}M = ${FACTOR * M}`}`,
  );
  const dir = makeScorecards(N);
  const browser = countingBrowser(dir);
  const io = () => quietIO(dir, browser.env);
  const args = ["build", "--concurrency", String(C)];

  // Full build and floor, interleaved twice so that load from other work on the machine
  // hits both alike; the best run of each counts.
  const fulls: number[] = [];
  const floors: number[] = [];
  let htmlFiles: string[] = [];
  for (let i = 0; i < 2; i++) {
    rmSync(join(dir, "output"), { recursive: true, force: true });
    const [secs, code] = await time(() => run(args, io()));
    if (code !== 0) throw new Error(`the build failed (exit ${code})`);
    fulls.push(secs);
    htmlFiles = readdirSync(join(dir, "output"))
      .filter((f) => f.endsWith(".html") && f !== "index.html")
      .map((f) => join(dir, "output", f));
    floors.push(await floor(htmlFiles));
  }
  const full = Math.min(...fulls);
  const floorTime = Math.min(...floors);
  const launchesBefore = browser.launches();
  const [noChange] = await time(() => run(args, io()));
  const noChangeLaunches = browser.launches() - launchesBefore;

  // A browser per document costs about the same for every document, so it is measured on a
  // sample and scaled to N: once one after another (the simple script), once C at a time.
  const sample = htmlFiles.slice(0, Math.min(N, BASELINE_SAMPLE));
  const baseSeq = ((await baseline(sample, 1)) / sample.length) * N;
  const basePar = ((await baseline(sample, C)) / sample.length) * N;

  // Validate + score alone, against YAML parsing alone, over the same texts.
  const texts = readdirSync(join(dir, "scorecards")).map((f) => readFileSync(join(dir, "scorecards", f), "utf8"));
  const rubric = parseRubric(readFileSync(join(ROOT, "rubric", "rubric.yaml"), "utf8"));
  const [parseOnly] = await time(() => {
    texts.forEach((t, i) => load(`f${i}.yaml`, t));
  });
  const [validateScore] = await time(() => {
    texts.forEach((t, i) => {
      const v = check(`f${i}.yaml`, t, "2025-01-01");
      if (v.taskForce) score(v.taskForce, rubric);
    });
  });

  const smallDir = skipMemory ? undefined : makeScorecards(M);
  const memN = smallDir ? await peakMemory(smallDir, browser.env) : undefined;
  const bigDir = skipMemory ? undefined : makeScorecards(FACTOR * M);
  const memBig = bigDir ? await peakMemory(bigDir, browser.env) : undefined;

  console.log("\nTimes");
  row("full build (best of 2)", s(full), `runs: ${fulls.map(s).join(", ")}; ${((full / N) * 1000).toFixed(0)} ms per scorecard`);
  row("floor: warm browser, reused pages", s(floorTime), `runs: ${floors.map(s).join(", ")}`);
  row("baseline: a browser per document", s(baseSeq), `one at a time (measured on ${sample.length}, scaled to ${N})`);
  row(`baseline: a browser per document, ${C} at once`, s(basePar), `(measured on ${sample.length}, scaled to ${N})`);
  row("rebuild with nothing changed", s(noChange), `browsers launched: ${noChangeLaunches}`);
  row("YAML parsing alone", s(parseOnly), `${((parseOnly / N) * 1000).toFixed(2)} ms per file`);
  row("validate + score", s(validateScore), `${((validateScore / N) * 1000).toFixed(2)} ms per file`);
  if (memN && memBig) {
    console.log("\nPeak memory (node + Chromium, PSS)");
    row(`M = ${M} documents`, mib(memN.peak), `(build took ${s(memN.seconds)}, exit ${memN.code})`);
    row(`${FACTOR}M = ${FACTOR * M} documents`, mib(memBig.peak), `(build took ${s(memBig.seconds)}, exit ${memBig.code})`);
  }
  console.log("\nRatios (target)");
  const ratio = (label: string, value: number, target: string, ok: boolean) => {
    row(label, value.toFixed(3), `${target}  ${ok ? "ok" : "MISSED"}`);
  };
  const info = (label: string, value: number) => {
    row(label, value.toFixed(3), "(for information)");
  };
  ratio("full build / floor", full / floorTime, "<= 1.15", full / floorTime <= 1.15);
  info("baseline (one at a time) / full build", baseSeq / full);
  info(`baseline (${C} at once) / full build`, basePar / full);
  ratio("no-change rebuild / full build", noChange / full, "<= 0.03, no browser", noChange / full <= 0.03 && noChangeLaunches === 0);
  if (memN && memBig) ratio(`peak memory ${FACTOR}M / M`, memBig.peak / memN.peak, "<= 1.3", memBig.peak / memN.peak <= 1.3);
  else row(`peak memory ${FACTOR}M / M`, "skipped", "(--no-memory)");
  info("validate+score / parse", validateScore / parseOnly);

  rmSync(dir, { recursive: true, force: true });
  for (const d of [bigDir, smallDir]) if (d) rmSync(d, { recursive: true, force: true });
}

await main();
