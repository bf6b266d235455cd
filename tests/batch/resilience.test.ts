// Real processes and real signals: the build is run as a user runs it.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { browserWrapper, killOurBrowsers, isWholePdf, processesInGroup, scorecardsDir, spawnCli } from "./helpers.ts";

const pdfsIn = (dir: string) => readdirSync(join(dir, "output")).filter((f) => f.endsWith(".pdf"));

function expectEveryPdfWhole(dir: string) {
  const pdfs = pdfsIn(dir);
  expect(pdfs.length).toBeGreaterThan(0);
  for (const f of pdfs) {
    const path = join(dir, "output", f);
    expect(isWholePdf(readFileSync(path)), `${f} is truncated`).toBe(true);
    // qpdf exits 0 (fine) or 3 (warnings only); 2 means a damaged file.
    const qpdf = spawnSync("qpdf", ["--check", path], { encoding: "utf8" });
    expect([0, 3], `${f}: ${qpdf.stdout}`).toContain(qpdf.status);
  }
  expect(readdirSync(join(dir, "output")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

const alive = (pid: number) => processesInGroup(pid).length > 0;

describe("build under failure", () => {
  afterEach(killOurBrowsers);

  it("one broken file among valid ones: the others are built, the broken one is located, exit 1", async () => {
    const dir = scorecardsDir(3);
    const bad = readFileSync(join(dir, "scorecards", "example-001.yaml"), "utf8").replace(
      "officers_deployed: 12",
      "officers_deployed: twelve",
    );
    writeFileSync(join(dir, "scorecards", "example-002.yaml"), bad);
    writeFileSync(join(dir, "scorecards", "example-004.yaml"), "name: [unclosed\n");
    const run = spawnCli(["build"], dir);
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/scorecards\/example-002\.yaml:\d+:\d+: officers_deployed must be a whole number/);
    expect(run.stderr()).toMatch(/scorecards\/example-004\.yaml:\d+:\d+: YAML syntax error/);
    expect(run.stderr()).not.toMatch(/internal error/);
    // Each scorecard comes with its one-page hearing handout, in English and in Spanish (the default languages).
    expect(pdfsIn(dir).sort()).toEqual([
      "example-001.es.handout.pdf",
      "example-001.es.pdf",
      "example-001.handout.pdf",
      "example-001.pdf",
      "example-003.es.handout.pdf",
      "example-003.es.pdf",
      "example-003.handout.pdf",
      "example-003.pdf",
      "summary.es.pdf",
      "summary.pdf",
    ]);
    expect(run.stdout()).toMatch(/Failed\s+2/);
    expectEveryPdfWhole(dir);
  });

  it("Chromium killed in the middle of a build: a new one is started and every scorecard is built", async () => {
    const dir = scorecardsDir(30);
    const browser = browserWrapper(dir);
    const run = spawnCli(["build", "--concurrency", "1"], dir, { PUPPETEER_EXECUTABLE_PATH: browser.path });
    await run.waitFor(/built .*example-002\.pdf/);
    const [first] = browser.pids();
    expect(first).toBeDefined();
    process.kill(first!, "SIGKILL");
    const { code } = await run.exited;
    expect(run.stderr()).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(browser.pids().length).toBeGreaterThanOrEqual(2);
    expect(pdfsIn(dir).length).toBe(122); // 30 scorecards and their handouts in English and Spanish, and summary.pdf in both
    expectEveryPdfWhole(dir);
    for (const pid of browser.pids()) expect(alive(pid), `browser ${pid} still running`).toBe(false);
  });

  for (const [signal, exitCode] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`${signal} in the middle of a build: exit ${exitCode}, no truncated PDF, no Chromium left`, async () => {
      const dir = scorecardsDir(12);
      const browser = browserWrapper(dir);
      // A first build leaves old PDFs; the second one (forced) is interrupted while replacing them.
      const first = spawnCli(["build", "--concurrency", "2"], dir, { PUPPETEER_EXECUTABLE_PATH: browser.path });
      expect((await first.exited).code).toBe(0);
      const run = spawnCli(["build", "--force", "--concurrency", "2"], dir, { PUPPETEER_EXECUTABLE_PATH: browser.path });
      await run.waitFor(/built .*\.pdf[\s\S]*built .*\.pdf/);
      run.child.kill(signal);
      const { code } = await run.exited;
      expect(code).toBe(exitCode);
      expect(run.stderr()).toMatch(new RegExp(`stopped by ${signal}`));
      expectEveryPdfWhole(dir);
      const pids = browser.pids();
      expect(pids.length).toBe(2);
      // Give the kernel a moment to reap the group, then nothing of it may remain.
      await new Promise((r) => setTimeout(r, 300));
      for (const pid of pids) expect(processesInGroup(pid), `browser ${pid} left processes behind`).toEqual([]);
    });
  }

  it("kill -9 of the build: its Chromium does not outlive it", async () => {
    const dir = scorecardsDir(12);
    const browser = browserWrapper(dir);
    const run = spawnCli(["build", "--concurrency", "1"], dir, { PUPPETEER_EXECUTABLE_PATH: browser.path });
    await run.waitFor(/built .*\.pdf/);
    run.child.kill("SIGKILL");
    await run.exited;
    const [pid] = browser.pids();
    expect(pid).toBeDefined();
    // The watchdog notices at once; allow a little time for the group to be reaped.
    for (let i = 0; i < 20 && processesInGroup(pid!).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesInGroup(pid!)).toEqual([]);
    expectEveryPdfWhole(dir);
  });
});
