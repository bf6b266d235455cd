// Finding a browser: the lookup order, and the message when there is none.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BrowserNotFoundError } from "../../src/errors.ts";
import { ensureBrowser, findBrowser, noBrowserMessage } from "../../src/pdf/browser.ts";
import { cli, fixture, tempDir } from "../helpers.ts";

/** A stand-in executable; finding a browser only checks that the file can be run. */
function fakeBrowser(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, "#!/bin/sh\nexit 0\n");
  chmodSync(path, 0o755);
  return path;
}

describe("findBrowser", () => {
  it("takes PUPPETEER_EXECUTABLE_PATH first", () => {
    const dir = tempDir();
    const explicit = fakeBrowser(join(dir, "explicit"), "my-chrome");
    const onPath = fakeBrowser(join(dir, "bin"), "chromium");
    const found = findBrowser({ PUPPETEER_EXECUTABLE_PATH: explicit, PATH: join(dir, "bin") }, []);
    expect(found).toMatchObject({ executablePath: explicit, origin: "PUPPETEER_EXECUTABLE_PATH" });
    expect(onPath).not.toBe(explicit);
  });

  it("says plainly when PUPPETEER_EXECUTABLE_PATH points at nothing", () => {
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: "/nowhere/chrome", PATH: "" }, [])).toThrow(BrowserNotFoundError);
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: "/nowhere/chrome", PATH: "" }, [])).toThrow(/\/nowhere\/chrome/);
  });

  it("prefers a browser Puppeteer downloaded over one on the PATH", () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const downloaded = fakeBrowser(
      join(cache, "chrome-headless-shell", "linux-140.0.0.0", "chrome-headless-shell-linux64"),
      "chrome-headless-shell",
    );
    fakeBrowser(join(dir, "bin"), "chromium");
    const found = findBrowser({ PUPPETEER_CACHE_DIR: cache, PATH: join(dir, "bin") }, []);
    expect(found).toMatchObject({ executablePath: downloaded, origin: "puppeteer cache", headlessShell: true });
  });

  it("then looks on the PATH, preferring the headless shell, then in the usual install locations", () => {
    const dir = tempDir();
    const empty = join(dir, "empty-cache");
    fakeBrowser(join(dir, "bin"), "chromium");
    const shell = fakeBrowser(join(dir, "bin"), "chromium-headless-shell");
    expect(findBrowser({ PUPPETEER_CACHE_DIR: empty, PATH: join(dir, "bin") }, [])).toMatchObject({
      executablePath: shell,
      origin: "PATH",
    });
    const usual = fakeBrowser(join(dir, "opt"), "chrome");
    expect(findBrowser({ PUPPETEER_CACHE_DIR: empty, PATH: join(dir, "nothing-here") }, [usual])).toMatchObject({
      executablePath: usual,
      origin: "usual location",
    });
    expect(findBrowser({ PUPPETEER_CACHE_DIR: empty, PATH: join(dir, "nothing-here") }, [])).toBeUndefined();
  });

  it("when none is found and it may not install one, names the one command that would", () => {
    const env = { PUPPETEER_CACHE_DIR: tempDir(), PATH: "", SCORECARD_NO_INSTALL: "1" };
    expect(() => ensureBrowser(env, () => undefined, [])).toThrow(BrowserNotFoundError);
    expect(noBrowserMessage()).toMatch(/Install one with: .*(apt-get install -y chromium-headless-shell|brew|Chrome)/);
    expect(noBrowserMessage()).toMatch(/PUPPETEER_EXECUTABLE_PATH/);
  });
});

describe("build without a browser", () => {
  it("fails with the clear message, exit 1, no stack trace", async () => {
    const dir = tempDir({ "scorecards/example-county.yaml": fixture("valid", "example-county.yaml") });
    const result = await cli(["build"], { cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: join(dir, "no-such-browser") } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PUPPETEER_EXECUTABLE_PATH is set to .*no-such-browser, but there is no browser there/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  });
});
