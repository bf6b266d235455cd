import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../helpers.ts";
import { browserWrapper, killOurBrowsers, isWholePdf, scorecardsDir } from "./helpers.ts";

describe("incremental build", () => {
  afterEach(killOurBrowsers);

  it("a rebuild with nothing changed launches no browser and rewrites nothing; a change rebuilds only that file", async () => {
    const dir = scorecardsDir(3);
    const browser = browserWrapper(dir);
    const env = { PUPPETEER_EXECUTABLE_PATH: browser.path, CI: "true" };
    const first = await cli(["build"], { cwd: dir, env });
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(browser.pids()).toHaveLength(1);
    for (const f of ["example-001.pdf", "summary.pdf"]) expect(isWholePdf(readFileSync(join(dir, "output", f)))).toBe(true);
    const index = readFileSync(join(dir, "output", "index.html"), "utf8");
    expect(index).toContain('href="example-002.pdf"');
    const mtimes = ["example-001.pdf", "summary.pdf", "index.html", "scores.json"].map((f) => statSync(join(dir, "output", f)).mtimeMs);

    const again = await cli(["build"], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(browser.pids()).toHaveLength(1);
    expect(again.stdout).toMatch(/Built\s+0/);
    expect(again.stdout).toMatch(/Skipped \(unchanged\)\s+3/);
    expect(["example-001.pdf", "summary.pdf", "index.html", "scores.json"].map((f) => statSync(join(dir, "output", f)).mtimeMs)).toEqual(
      mtimes,
    );

    // Change one file: only it is printed again (and the comparison, whose table changed).
    const file = join(dir, "scorecards", "example-002.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("name: Example County Task Force", "name: Example Parish Task Force"));
    const third = await cli(["build"], { cwd: dir, env });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/Built\s+1/);
    expect(third.stdout).toMatch(/built\s+output\/example-002\.pdf/);
    expect(browser.pids()).toHaveLength(2);
    expect(readFileSync(join(dir, "output", "index.html"), "utf8")).toContain("Example Parish Task Force");

    // A deleted output is built again; --force builds everything.
    rmSync(join(dir, "output", "example-003.pdf"));
    const fourth = await cli(["build"], { cwd: dir, env });
    expect(fourth.stdout).toMatch(/Built\s+1/);
    expect(isWholePdf(readFileSync(join(dir, "output", "example-003.pdf")))).toBe(true);
    const forced = await cli(["build", "--force", "--concurrency", "1"], { cwd: dir, env });
    expect(forced.stdout).toMatch(/Built\s+3/);
  });

  it("knows each language's files apart: a missing Spanish PDF rebuilds only the Spanish files", async () => {
    const dir = scorecardsDir(2);
    const browser = browserWrapper(dir);
    const env = { PUPPETEER_EXECUTABLE_PATH: browser.path, CI: "true" };
    expect((await cli(["build"], { cwd: dir, env })).code).toBe(0);
    const english = statSync(join(dir, "output", "example-001.pdf")).mtimeMs;
    const manifest = JSON.parse(readFileSync(join(dir, "output", ".build-manifest.json"), "utf8")) as {
      docs: Record<string, { lang: string; doc: string }>;
    };
    expect(
      Object.entries(manifest.docs)
        .map(([k, v]) => `${k} ${v.doc} ${v.lang}`)
        .sort(),
    ).toEqual([
      "example-001 example-001 en",
      "example-001.es example-001 es",
      "example-002 example-002 en",
      "example-002.es example-002 es",
    ]);
    rmSync(join(dir, "output", "example-001.es.pdf"));
    const again = await cli(["build"], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Built\s+1/);
    expect(again.stdout).toMatch(/built\s+output\/example-001\.es\.pdf/);
    expect(again.stdout).not.toMatch(/built\s+output\/example-001\.pdf/);
    expect(statSync(join(dir, "output", "example-001.pdf")).mtimeMs).toBe(english);
    expect(isWholePdf(readFileSync(join(dir, "output", "example-001.es.pdf")))).toBe(true);
    // Asking for one language that is up to date prints nothing.
    const spanish = await cli(["build", "--lang", "es"], { cwd: dir, env });
    expect(spanish.stdout).toMatch(/Built\s+0/);
    expect(spanish.stdout).toMatch(/Skipped \(unchanged\)\s+2/);
  });

  it("a file that fails validation is reported every time, never skipped", async () => {
    const dir = scorecardsDir(1);
    writeFileSync(join(dir, "scorecards", "broken.yaml"), "fictional: yes\nname: Broken Example\n");
    const browser = browserWrapper(dir);
    const env = { PUPPETEER_EXECUTABLE_PATH: browser.path, CI: "true" };
    for (let i = 0; i < 2; i++) {
      const r = await cli(["build"], { cwd: dir, env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/scorecards\/broken\.yaml:\d+:\d+: /);
    }
  });

  it("rejects bad option values in plain words", async () => {
    const dir = scorecardsDir(1);
    for (const args of [["--concurrency", "0"], ["--concurrency", "two"], ["--timeout=-1"], ["--timeout", "soon"], ["--paper", "legal"]]) {
      const r = await cli(["build", ...args], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^scorecard: --\w+ must be/);
    }
  });
});
