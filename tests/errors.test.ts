import { describe, expect, it } from "vitest";
import { formatProblem, formatProblemsGrouped, type Problem } from "../src/errors.ts";

const unfindable = (file: string, line = 248): Problem => ({
  file,
  line,
  col: 9,
  code: "source-unfindable",
  severity: "warning",
  message: "source 'heysocal-2015' has no url and no identifier, so a reader cannot find it. Add its address (url:).",
});
const copies = (n: number, make: (file: string) => Problem = unfindable) =>
  Array.from({ length: n }, (_, i) => make(`scorecards/la-${i + 1}.yaml`));

describe("formatProblemsGrouped", () => {
  it("says a warning that 7 files share once, at its first location, with how many files and which", () => {
    const lines = formatProblemsGrouped(copies(7));
    expect(lines).toEqual([
      `${formatProblem(unfindable("scorecards/la-1.yaml"))} (the same in 7 files: la-1.yaml, la-2.yaml, la-3.yaml and 4 more)`,
    ]);
    // Editors jump to the location at the start of the line.
    expect(lines[0]).toMatch(/^scorecards\/la-1\.yaml:248:9: warning: /);
  });

  it("names every file when there are 3 or fewer, and says 'and 1 more' for 4", () => {
    expect(formatProblemsGrouped(copies(2))[0]).toMatch(/\(the same in 2 files: la-1\.yaml and la-2\.yaml\)$/);
    expect(formatProblemsGrouped(copies(3))[0]).toMatch(/\(the same in 3 files: la-1\.yaml, la-2\.yaml and la-3\.yaml\)$/);
    expect(formatProblemsGrouped(copies(4))[0]).toMatch(/\(the same in 4 files: la-1\.yaml, la-2\.yaml, la-3\.yaml and 1 more\)$/);
  });

  it("keeps two different warnings as two lines, each with its count", () => {
    const modeline = (file: string): Problem => ({
      file,
      line: 1,
      col: 1,
      code: "modeline-missing",
      severity: "warning",
      message: "the file does not start with `# yaml-language-server`.",
    });
    const problems = [1, 2, 3].flatMap((i) => [modeline(`s/${i}.yaml`), unfindable(`s/${i}.yaml`)]);
    const lines = formatProblemsGrouped(problems);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^s\/1\.yaml:1:1: warning: the file does not start .* \(the same in 3 files: 1\.yaml, 2\.yaml and 3\.yaml\)$/);
    expect(lines[1]).toMatch(/^s\/1\.yaml:248:9: warning: source 'heysocal-2015' .* \(the same in 3 files/);
  });

  it("does not merge warnings whose words differ (another source), nor a warning that only one file has", () => {
    const other = (file: string): Problem => ({
      ...unfindable(file),
      message: unfindable(file).message.replace("heysocal-2015", "scvnews-2016"),
    });
    const lines = formatProblemsGrouped([unfindable("a.yaml"), other("b.yaml")]);
    expect(lines).toEqual([formatProblem(unfindable("a.yaml")), formatProblem(other("b.yaml"))]);
  });

  it("does not merge a different code with the same words", () => {
    const a = unfindable("a.yaml");
    const b: Problem = { ...unfindable("b.yaml"), code: "source-unused" };
    expect(formatProblemsGrouped([a, b])).toEqual([formatProblem(a), formatProblem(b)]);
  });

  it("groups the same words at different lines in different files, at the first file's line", () => {
    const lines = formatProblemsGrouped([unfindable("a.yaml", 10), unfindable("b.yaml", 20)]);
    expect(lines).toEqual([`${formatProblem(unfindable("a.yaml", 10))} (the same in 2 files: a.yaml and b.yaml)`]);
  });

  it("keeps every location of a warning in the first file that has it", () => {
    const lines = formatProblemsGrouped([unfindable("a.yaml", 10), unfindable("a.yaml", 30), unfindable("b.yaml", 10)]);
    expect(lines).toEqual([
      `${formatProblem(unfindable("a.yaml", 10))} (the same in 2 files: a.yaml and b.yaml)`,
      formatProblem(unfindable("a.yaml", 30)),
    ]);
  });

  it("never groups errors: each stops its own file", () => {
    const error = (file: string): Problem => ({ ...unfindable(file), severity: "error", code: "source-missing" });
    const lines = formatProblemsGrouped(copies(7, error));
    expect(lines).toHaveLength(7);
    for (const [i, line] of lines.entries()) expect(line).toBe(formatProblem(error(`scorecards/la-${i + 1}.yaml`)));
  });

  it("keeps errors in place between grouped warnings", () => {
    const error: Problem = {
      file: "a.yaml",
      line: 5,
      col: 3,
      code: "schema-enum",
      severity: "error",
      message: "votes must be yes, no or unknown.",
    };
    const lines = formatProblemsGrouped([error, unfindable("a.yaml"), unfindable("b.yaml")]);
    expect(lines).toEqual([formatProblem(error), `${formatProblem(unfindable("a.yaml"))} (the same in 2 files: a.yaml and b.yaml)`]);
  });

  it("names a file in another folder in full, even when its folder's name starts like the first one's", () => {
    const lines = formatProblemsGrouped([
      unfindable("scorecards/a.yaml"),
      unfindable("scorecards/b.yaml"),
      unfindable("scorecards-old/a.yaml"),
    ]);
    expect(lines[0]).toMatch(/\(the same in 3 files: a\.yaml, b\.yaml and scorecards-old\/a\.yaml\)$/);
  });

  it("prints nothing for no problems", () => {
    expect(formatProblemsGrouped([])).toEqual([]);
  });
});
