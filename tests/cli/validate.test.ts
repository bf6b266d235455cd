import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatGithub, type jsonReport } from "../../src/cli/commands/validate.ts";
import { cli, fixture, readFixture, tempDir } from "../helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const STACK = /\n\s+at .+\(.+:\d+:\d+\)/;
const env = { SCORECARD_TODAY: "2026-11-29" };
/** What `validate --format json` prints, as the command builds it. */
type JsonReport = ReturnType<typeof jsonReport>;

describe("scorecard validate", () => {
  it("accepts the valid fixture and the real LA scorecard: no errors, exit 0", async () => {
    const result = await cli(["validate", fixture("valid", "example-county.yaml"), join(ROOT, "scorecards")], { env });
    // Warnings may be shown (the LA file has sources without an address); errors may not.
    for (const line of result.stdout.split("\n").filter(Boolean)) expect(line).toMatch(/^\S+:\d+:\d+: warning: /);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/2 file\(s\) checked: all valid/);
  });

  it("reports a schema error as file:line:col with a plain message and exits 1, without a stack trace (real process)", () => {
    const dir = tempDir();
    const file = join(dir, "bad.yaml");
    writeFileSync(file, readFixture("valid", "example-county.yaml").replace("sector: survivor-led", "sector: survivors"));
    const r = spawnSync("npm", ["run", "--silent", "scorecard", "--", "validate", file], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:52:15: sector must be one of: .*survivor-led`));
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("reports every problem in every file at once", async () => {
    const dir = tempDir();
    const text = readFixture("valid", "example-county.yaml");
    writeFileSync(join(dir, "a.yaml"), text.replace("votes: yes", "votes: maybe").replace("total: 2", "totl: 2"));
    writeFileSync(join(dir, "b.yaml"), text.replace("schema_version: 1", "schema_version: 3"));
    writeFileSync(join(dir, "c.yaml"), "name: [unclosed\n");
    const result = await cli(["validate", dir], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/a\.yaml:\d+:\d+: votes must be yes, no or unknown/);
    expect(result.stdout).toMatch(/a\.yaml:\d+:\d+: unknown field 'totl' in operations\[0\]\.arrests: did you mean 'total'\?/);
    expect(result.stdout).toMatch(/a\.yaml:\d+:\d+: operations\[0\]\.arrests is missing the required field 'total'/);
    expect(result.stdout).toMatch(/b\.yaml:4:17: schema_version must be 1/);
    expect(result.stdout).toMatch(/c\.yaml:\d+:\d+: YAML syntax error/);
    expect(result.stderr).toMatch(/3 file\(s\) checked: 3 with errors/);
  });

  it("exits 0 when a file has only warnings, and shows them", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "w.yaml"), readFixture("valid", "example-county.yaml").replace(/^# yaml-language-server.*\n/, ""));
    const result = await cli(["validate", dir], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\S*w\.yaml:1:1: warning: the file does not start with `# yaml-language-server/m);
  });

  it("says which paths do not exist, and refuses an unknown --format", async () => {
    const missing = await cli(["validate", "/nonexistent/nothing.yaml"], { env });
    expect(missing.code).toBe(1);
    expect(missing.stdout + missing.stderr).toMatch(/nothing\.yaml/);
    expect(missing.stdout + missing.stderr).not.toMatch(STACK);
    // A device would never end; it is refused before reading.
    const device = await cli(["validate", "/dev/zero"], { env });
    expect(device.code).toBe(1);
    expect(device.stdout).toBe("/dev/zero:1:1: cannot read this file: it is a device or a pipe, not a file. Check the path.\n");
    const format = await cli(["validate", "--format", "xml", fixture("valid")], { env });
    expect(format.code).toBe(1);
    expect(format.stderr).toMatch(/--format must be text, github or json, not 'xml'/);
  });

  it("prints GitHub annotations, escaping what would break them", async () => {
    const result = await cli(["validate", "--format", "github", fixture("invalid", "sector-typo.yaml")], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=.*sector-typo\.yaml,line=\d+,col=15,title=schema-enum::sector must be one of: /m);
    const line = formatGithub({
      file: "a,b:c.yaml",
      line: 3,
      col: 4,
      code: "schema-enum",
      severity: "warning",
      message: "50% done\r\nnext: line",
    });
    expect(line).toBe("::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=schema-enum::50%25 done%0D%0Anext: line");
  });

  it("prints stable JSON: format version, summary, and every problem with its position", async () => {
    const result = await cli(
      ["validate", "--format", "json", fixture("invalid", "field-typo.yaml"), fixture("valid", "example-county.yaml")],
      { env },
    );
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as JsonReport;
    expect(Object.keys(out)).toEqual(["format", "valid", "summary", "files"]);
    expect(out).toMatchObject({ format: 1, valid: false, summary: { files: 2, invalid: 1, errors: 2, warnings: 0 } });
    const [bad, good] = out.files;
    expect(good).toMatchObject({ valid: true, errors: 0, warnings: 0, problems: [] });
    expect(bad!.valid).toBe(false);
    expect(Object.keys(bad!.problems[0]!)).toEqual(["file", "line", "col", "severity", "code", "message"]);
    expect(bad!.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toEqual(["schema-required 35:5", "schema-unknown-field 38:5"]);
  });

  it("never prints a stack trace for hostile files (real process)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "garbage.yaml"), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x3a, 0x20, 0x80, 0x81]));
    writeFileSync(join(dir, "deep.yaml"), "a: " + "[".repeat(5000) + "]".repeat(5000));
    writeFileSync(join(dir, "proto.yaml"), "__proto__: { polluted: yes }\nconstructor: 1\n");
    const r = spawnSync("npm", ["run", "--silent", "scorecard", "--", "validate", dir], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/garbage\.yaml:1:\d+: this file is not plain text/);
    expect(r.stdout).toMatch(/deep\.yaml:1:\d+: this file is nested far more deeply/);
    expect(r.stdout).toMatch(/proto\.yaml:1:1: unknown field '__proto__'/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("reports a right-to-left override in a name at its line:col and exits 1, without a stack trace (real process)", () => {
    // The fixture is fictional ("Example County Task Force"); its name hides U+202E after "Example Coun".
    const dir = tempDir();
    const file = join(dir, "file.yaml");
    writeFileSync(file, readFixture("invalid", "invisible-bidi-override.yaml"));
    writeFileSync(join(dir, "escaped.yaml"), readFixture("invalid", "invisible-escapes.yaml"));
    const r = spawnSync("npm", ["run", "--silent", "scorecard", "--", "validate", file, join(dir, "escaped.yaml")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    const at = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(r.stdout).toMatch(
      new RegExp(
        `${at}:8:19: name contains an invisible control character, U\\+202E \\(RIGHT-TO-LEFT OVERRIDE\\), after 'Example Coun': it makes the text that follows display reversed`,
      ),
    );
    expect(r.stdout).toMatch(/escaped\.yaml:12:23: name contains an invisible control character, U\+202E .*the escape \\u202E/);
    // The override itself is never echoed back: it would reverse the terminal's line.
    expect(r.stdout).not.toContain("\u202E");
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });
});

/** Seven copies of the fixture under different names, each with the same two warnings. */
function sevenCopies(): string {
  const dir = tempDir();
  const text = readFixture("valid", "example-county.yaml")
    .replace(/^# yaml-language-server.*\n/, "") // modeline-missing at 1:1
    .replace("    url: https://example.org/gazette/task-force\n", ""); // source-unfindable
  mkdirSync(join(dir, "scorecards"));
  for (const name of ["a", "b", "c", "d", "e", "f", "g"]) writeFileSync(join(dir, "scorecards", `${name}.yaml`), text);
  return dir;
}

describe("scorecard validate: a warning that many files share", () => {
  it("is printed once, at its first location, with how many files have it; two different warnings stay two lines", async () => {
    const dir = sevenCopies();
    const result = await cli(["validate"], { cwd: dir, env });
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^scorecards\/a\.yaml:1:1: warning: the file does not start with `# yaml-language-server.* \(the same in 7 files: a\.yaml, b\.yaml, c\.yaml and 4 more\)$/,
    );
    expect(lines[1]).toMatch(
      /^scorecards\/a\.yaml:\d+:\d+: warning: source 'example-gazette-2019' has no url .* \(the same in 7 files: a\.yaml, b\.yaml, c\.yaml and 4 more\)$/,
    );
    // The count of warnings is still every one of them.
    expect(result.stderr).toMatch(/7 file\(s\) checked: all valid \(14 warning\(s\), shown as 2 line\(s\) because many files share them\)/);
  });

  it("is still one annotation per file with --format github, and one entry per file in --format json", async () => {
    const dir = sevenCopies();
    const github = await cli(["validate", "--format", "github"], { cwd: dir, env });
    const annotations = github.stdout.split("\n").filter(Boolean);
    expect(annotations).toHaveLength(14);
    for (const name of ["a", "b", "c", "d", "e", "f", "g"]) {
      expect(annotations).toContain(
        `::warning file=scorecards/${name}.yaml,line=1,col=1,title=modeline-missing::${annotations[0]!.split("::")[2]}`,
      );
    }
    expect(github.stdout).not.toMatch(/the same in/);
    const json = JSON.parse((await cli(["validate", "--format", "json"], { cwd: dir, env })).stdout) as JsonReport;
    expect(json.summary).toMatchObject({ files: 7, warnings: 14 });
    for (const f of json.files) expect(f.problems.map((p) => p.code).sort()).toEqual(["modeline-missing", "source-unfindable"]);
    expect(JSON.stringify(json)).not.toMatch(/the same in/);
  });

  it("fails every file with --strict, each with its own lines", async () => {
    const dir = sevenCopies();
    const result = await cli(["validate", "--strict"], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/7 file\(s\) checked: 7 with errors/);
    for (const name of ["a", "b", "c", "d", "e", "f", "g"])
      expect(result.stdout).toMatch(new RegExp(`^scorecards/${name}\\.yaml:1:1: the file does not start`, "m"));
    expect(result.stdout).not.toMatch(/the same in/);
  });
});
