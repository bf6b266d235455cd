// Acceptance 4: the same input always gives a byte-identical scores.json.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type cardRecord, scoresCsv, scoresJson } from "../../src/score/export.ts";
import { score } from "../../src/score/score.ts";
import { cli, fixture } from "../helpers.ts";
import { LA_FILE, RUBRIC_TEXT, rubric, valid } from "./helpers.ts";

/** One scorecard in scores.json (and in `score --json`). */
type Row = ReturnType<typeof cardRecord>;

const r = rubric();
const la = { file: "scorecards/la.yaml", card: score(valid(LA_FILE, readFileSync(LA_FILE, "utf8")), r) };
const ex = { file: "scorecards/example.yaml", card: score(valid("x", readFileSync(fixture("valid", "example-county.yaml"), "utf8")), r) };

describe("scores.json and scores.csv", () => {
  it("are byte-identical for the same input, whatever the order files were read in", () => {
    const a = scoresJson([la, ex]);
    expect(scoresJson([ex, la])).toBe(a);
    // A fresh parse and score of the same files gives the same bytes.
    const again = { file: la.file, card: score(valid(LA_FILE, readFileSync(LA_FILE, "utf8")), rubric()) };
    expect(scoresJson([again, ex])).toBe(a);
    expect(scoresCsv([ex, la])).toBe(scoresCsv([la, ex]));
  });

  it("hold the grade, totals, version and every criterion's facts with their sources", () => {
    const row = (JSON.parse(scoresJson([la])) as Row[])[0]!;
    expect(Object.keys(row)).toEqual([
      "file",
      "name",
      "rubric_version",
      "grade",
      "points",
      "max_points",
      "scored_max_points",
      "percent",
      "coverage",
      "criteria",
    ]);
    expect(row.rubric_version).toBe(r.version);
    expect(row.criteria).toHaveLength(r.criteria.length);
    const stings = row.criteria.find((c) => c.id === "no-sex-trade-stings")!;
    expect(stings.status).toBe("not-met");
    expect(stings.sources).toEqual(["op-ed-2018"]);
    expect(stings.facts[0]!.sources).toEqual(["op-ed-2018", "op-ed-2018", "op-ed-2018"]);
    expect(stings.facts[0]!.quotes![0]!.quote).toContain("roughly 70 law enforcement officers");
  });

  it("keeps spreadsheet formulas out of the CSV", () => {
    const evil = { file: "scorecards/evil.yaml", card: { ...ex.card, name: '=HYPERLINK("http://x")' } };
    expect(scoresCsv([evil])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("`scorecard score --json` prints the same bytes twice, and honours --rubric", async () => {
    const dir = mkdtempSync(join(tmpdir(), "score-json-"));
    mkdirSync(join(dir, "scorecards"));
    copyFileSync(LA_FILE, join(dir, "scorecards", "la.yaml"));
    copyFileSync(fixture("valid", "example-county.yaml"), join(dir, "scorecards", "example.yaml"));
    const one = await cli(["score", "--json"], { cwd: dir });
    const two = await cli(["score", "--json"], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    expect((JSON.parse(one.stdout) as Row[]).map((x) => x.file)).toEqual(["scorecards/example.yaml", "scorecards/la.yaml"]);

    writeFileSync(join(dir, "heavier.yaml"), RUBRIC_TEXT.replace(/(id: trafficking-arrest-share[\s\S]*?\n {4}weight: )11\n/, "$120\n"));
    const heavier = await cli(["score", "--json", "--rubric", "heavier.yaml", "scorecards/la.yaml"], { cwd: dir });
    expect((JSON.parse(heavier.stdout) as Row[])[0]!.points).toBe(10);
  });

  it("`scorecard score` names a broken rubric by file:line:col and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "score-rubric-"));
    writeFileSync(join(dir, "broken.yaml"), RUBRIC_TEXT.replace("weight: 8\n", "weight: eight\n"));
    const result = await cli(["score", "--rubric", "broken.yaml", LA_FILE], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^scorecard: the rubric file has a problem/);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:13: weight must be a number, not 'eight'/);
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    const missing = await cli(["score", "--rubric", "nope.yaml", LA_FILE], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the rubric file nope\.yaml/);
  });

  it("`scorecard score` prints the grade, coverage, version and a reason per criterion", async () => {
    const result = await cli(["score", LA_FILE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Grade (F|Incomplete)/);
    expect(result.stdout).toContain(`Rubric version ${r.version}`);
    expect(result.stdout).toMatch(/No stings on the sex trade: Not met \(0 of 10\)\. According to an op-ed by Kate D'Adamo/);
    expect(result.stdout).toMatch(/Survivors and affected communities have a vote: Unknown \(not scored\)/);
  });
});
