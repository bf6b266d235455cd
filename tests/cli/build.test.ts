import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy, getMeta } from "../pdf-reader.ts";
import { cli, fixture, tempDir } from "../helpers.ts";

describe("scorecard build", () => {
  it("prints a real PDF with real Chromium, with the task force's facts in its text", async () => {
    const dir = tempDir({ "scorecards/example-county.yaml": fixture("valid", "example-county.yaml") });
    const result = await cli(["build"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    const pdfPath = join(dir, "output", "example-county.pdf");
    expect(existsSync(pdfPath)).toBe(true);
    expect(existsSync(join(dir, "output", "example-county.html"))).toBe(true);
    const bytes = new Uint8Array(readFileSync(pdfPath));
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Example County Task Force");
    expect(text).toContain("Example Motel investigation");
    expect(text).toContain("Example Gazette");
    const meta = await getMeta(await getDocumentProxy(new Uint8Array(readFileSync(pdfPath))));
    expect(String(meta.info.Title)).toContain("Example County Task Force");
  });

  it("builds the valid files, reports the invalid one with its location, and exits 1", async () => {
    const dir = tempDir({ "scorecards/example-county.yaml": fixture("valid", "example-county.yaml") });
    const bad = readFileSync(fixture("valid", "example-county.yaml"), "utf8").replace("officers_deployed: 12", "officers_deployed: twelve");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "scorecards", "broken.yaml"), bad);
    const result = await cli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/scorecards\/broken\.yaml:\d+:\d+: officers_deployed must be a whole number/);
    expect(existsSync(join(dir, "output", "example-county.pdf"))).toBe(true);
    expect(existsSync(join(dir, "output", "broken.pdf"))).toBe(false);
    expect(result.stderr).toContain("1 file(s) could not be built because of the problems above. The others were built.");
  });

  it("does not say the others were built when there were none", async () => {
    const dir = tempDir();
    const bad = readFileSync(fixture("valid", "example-county.yaml"), "utf8").replace("officers_deployed: 12", "officers_deployed: twelve");
    mkdirSync(join(dir, "scorecards"));
    writeFileSync(join(dir, "scorecards", "broken.yaml"), bad);
    const result = await cli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("1 file(s) could not be built because of the problems above.\n");
    expect(result.stderr).not.toContain("The others were built");
  });

  it("writes index.html, summary.pdf, scores.json and scores.csv next to the scorecards", async () => {
    const dir = tempDir({ "scorecards/example-county.yaml": fixture("valid", "example-county.yaml") });
    const result = await cli(["build"], { cwd: dir, env: { CI: "true" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Built\s+1/);
    const index = readFileSync(join(dir, "output", "index.html"), "utf8");
    expect(index).toContain("Example County Task Force");
    expect(index).toContain('href="example-county.pdf"');
    const summary = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, "output", "summary.pdf"))));
    const { text } = await extractText(summary, { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain("Example County Task Force");
    const scores = JSON.parse(readFileSync(join(dir, "output", "scores.json"), "utf8")) as { file: string }[];
    expect(scores.map((s) => s.file)).toEqual(["scorecards/example-county.yaml"]);
    expect(readFileSync(join(dir, "output", "scores.csv"), "utf8")).toMatch(/^file,name,grade/);
  });

  it("stops before printing a scorecard whose name hides a right-to-left override, and exits 1", async () => {
    // Fictional: "Example County Task Force" with U+202E after "Example Coun".
    const dir = tempDir({ "scorecards/override.yaml": fixture("invalid", "invisible-bidi-override.yaml") });
    const result = await cli(["build", "scorecards/override.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /scorecards\/override\.yaml:8:19: name contains an invisible control character, U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/,
    );
    expect(result.stderr + result.stdout).not.toMatch(/internal error|\n\s+at .+\(.+:\d+:\d+\)/);
    expect(existsSync(join(dir, "output", "override.pdf"))).toBe(false);
    expect(existsSync(join(dir, "output", "override.html"))).toBe(false);
  });
});

describe("scorecard build: a warning that many files share", () => {
  const sevenCopies = () => {
    const dir = tempDir();
    const text = readFileSync(fixture("valid", "example-county.yaml"), "utf8")
      .replace(/^# yaml-language-server.*\n/, "") // modeline-missing at 1:1
      .replace("    url: https://example.org/gazette/task-force\n", ""); // source-unfindable
    mkdirSync(join(dir, "scorecards"));
    for (const name of ["a", "b", "c", "d", "e", "f", "g"]) writeFileSync(join(dir, "scorecards", `${name}.yaml`), text);
    return dir;
  };
  const warningLines = (stderr: string) => stderr.split("\n").filter((l) => l.includes(" warning: "));

  it("is printed once with the number of files, each time the files are built or skipped", async () => {
    const dir = sevenCopies();
    const first = await cli(["build", "--lang", "en"], { cwd: dir, env: { CI: "true" } });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Built\s+7/);
    const lines = warningLines(first.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^scorecards\/a\.yaml:1:1: warning: the file does not start .* \(the same in 7 files: a\.yaml, b\.yaml, c\.yaml and 4 more\)$/,
    );
    expect(lines[1]).toMatch(
      /^scorecards\/a\.yaml:\d+:\d+: warning: source 'example-gazette-2019' has no url .* \(the same in 7 files: a\.yaml, b\.yaml, c\.yaml and 4 more\)$/,
    );
    // Skipped files repeat their warnings from the last build, grouped the same way.
    const again = await cli(["build", "--lang", "en"], { cwd: dir, env: { CI: "true" } });
    expect(again.stdout).toMatch(/Skipped \(unchanged\)\s+7/);
    expect(warningLines(again.stderr)).toEqual(lines);
  });

  it("still fails every file with --strict", async () => {
    const dir = sevenCopies();
    const result = await cli(["build", "--lang", "en", "--strict"], { cwd: dir, env: { CI: "true" } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Failed\s+7/);
    for (const name of ["a", "b", "c", "d", "e", "f", "g"]) {
      expect(result.stderr).toMatch(new RegExp(`^scorecards/${name}\\.yaml:1:1: the file does not start`, "m"));
      expect(existsSync(join(dir, "output", `${name}.pdf`))).toBe(false);
    }
    expect(result.stderr).not.toMatch(/the same in/);
  });
});
