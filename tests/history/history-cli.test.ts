// `scorecard history` in real (temporary) git repositories.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TOOL_ROOT } from "../../src/cli/context.ts";
import type { HistoryEntry } from "../../src/history/history.ts";
import { check } from "../../src/pipeline.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { score } from "../../src/score/score.ts";
import { cli, readFixture, tempDir } from "../helpers.ts";
import { LA_PATH, LA_TEXT, makeRepo, RUBRIC_TEXT, rubricVariant } from "./repo.ts";

const rubric = parseRubric(RUBRIC_TEXT);
const scoreOf = (text: string, r = rubric) => score(check("x.yaml", text, "2030-01-01").taskForce!, r);

/**
 * An earlier LA version that knew less: the number of arrests in the sting was not yet known.
 * (Only information is taken away, so no fact is changed into one a source does not state.)
 */
const LA_EARLIER = LA_TEXT.replace("      selling_or_buying_sex: 33\n", "      selling_or_buying_sex: unknown\n");

const EXAMPLE = readFixture("history", "example-county.yaml");
const FILE = "scorecards/example-county.yaml";
/** One operation's arrests become arrests of people selling sex: the grade drops. */
const EXAMPLE_WORSE = EXAMPLE.replace("      total: 2\n      selling_sex: 0\n", "      total: 9\n      selling_sex: 7\n");

const json = async (dir: string, file: string) => {
  const r = await cli(["history", file, "--format", "json"], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as HistoryEntry[];
};

describe("scorecard history", () => {
  it("prints both commits of the LA file whose scores differ, with their scores (text and JSON)", async () => {
    expect(LA_EARLIER).not.toBe(LA_TEXT);
    const repo = makeRepo();
    repo.write("rubric/rubric.yaml", RUBRIC_TEXT);
    repo.write(LA_PATH, LA_EARLIER);
    const first = repo.commit("Add the LA scorecard", "2026-01-10");
    repo.write(LA_PATH, LA_TEXT);
    const second = repo.commit("LA: officers deployed, from the op-ed", "2026-02-20");
    const before = scoreOf(LA_EARLIER);
    const after = scoreOf(LA_TEXT);
    expect(before.percent).not.toBe(after.percent);

    const text = await cli(["history", LA_PATH], { cwd: repo.dir });
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Los Angeles Regional Human Trafficking Task Force");
    for (const [commit, date, card] of [
      [first, "2026-01-10", before],
      [second, "2026-02-20", after],
    ] as const) {
      const line = text.stdout.split("\n").find((l) => l.includes(commit.slice(0, 12)));
      expect(line, `a row for ${commit}`).toBeDefined();
      expect(line).toContain(date);
      expect(line).toContain(`${card.percent}%`);
      expect(line).toContain(`grade ${card.grade}`);
      expect(line).toContain(`rubric ${rubric.version}`);
    }
    // What moved it: the criteria, with the field that changed, as in `scorecard diff`.
    const moved = after.criteria.filter((c, i) => c.status !== before.criteria[i]!.status);
    expect(moved.length).toBeGreaterThan(0);
    for (const c of moved) expect(text.stdout).toContain(c.title);
    expect(text.stdout).toContain("Changed in the file: operations[Lynwood and Compton sting].arrests.selling_or_buying_sex: unknown → 33");

    const entries = await json(repo.dir, LA_PATH);
    expect(entries.map((e) => e.commit)).toEqual([first, second]);
    expect(entries.map((e) => e.percent)).toEqual([before.percent, after.percent]);
    expect(entries.map((e) => e.coverage)).toEqual([before.coverage, after.coverage]);
    expect(entries[0]!.moved.kind).toBe("first");
    expect(entries[1]!.moved.criteria.map((c) => c.id)).toEqual(moved.map((c) => c.id));
  });

  it("JSON has one entry per commit that changed the score: comments, other files and unmoving facts add none", async () => {
    const repo = makeRepo();
    repo.write(FILE, EXAMPLE);
    const a = repo.commit("Add Example County", "2025-01-01");
    repo.write(FILE, `${EXAMPLE}\n# A comment only.\n`);
    repo.commit("Comment", "2025-01-02");
    repo.write("scorecards/other.yaml", EXAMPLE.replace("name: Example County Task Force", "name: Other Example Task Force"));
    repo.commit("Another file", "2025-01-03");
    repo.write(FILE, EXAMPLE.replace("officers_deployed: 12", "officers_deployed: 14"));
    repo.commit("A fact that moves no criterion", "2025-01-04");
    repo.write(FILE, EXAMPLE_WORSE);
    const b = repo.commit("Arrests of people selling sex", "2025-01-05");
    repo.write(FILE, EXAMPLE);
    const c = repo.commit("Back as it was", "2025-01-06");
    const entries = await json(repo.dir, FILE);
    expect(entries.map((e) => e.commit)).toEqual([a, b, c]);
    expect(entries[1]!.grade).not.toBe(entries[0]!.grade);
    expect(entries[2]!.grade).toBe(entries[0]!.grade);
    expect(entries[1]!.moved.criteria.map((x) => x.id)).toContain("no-sex-trade-stings");
    // Every entry is a changed score: no two in a row are the same.
    for (let i = 1; i < entries.length; i++)
      expect([entries[i]!.grade, entries[i]!.percent]).not.toEqual([entries[i - 1]!.grade, entries[i - 1]!.percent]);
  });

  it("follows a renamed file back to its first name", async () => {
    const repo = makeRepo();
    repo.write("scorecards/old-name.yaml", EXAMPLE);
    const a = repo.commit("Add", "2025-01-01");
    repo.write("scorecards/old-name.yaml", EXAMPLE_WORSE);
    const b = repo.commit("Worse", "2025-02-01");
    repo.git("mv", "scorecards/old-name.yaml", FILE);
    repo.commit("Rename", "2025-03-01");
    repo.write(FILE, EXAMPLE);
    const d = repo.commit("Better again", "2025-04-01");
    const entries = await json(repo.dir, FILE);
    expect(entries.map((e) => e.commit)).toEqual([a, b, d]);
    expect(entries.map((e) => e.file)).toEqual(["scorecards/old-name.yaml", "scorecards/old-name.yaml", FILE]);
    const text = await cli(["history", FILE], { cwd: repo.dir });
    expect(text.stdout).toContain("[as scorecards/old-name.yaml]");
  });

  it("shows a commit that fails validation as such, never a crash, and compares the fix with the last good version", async () => {
    const repo = makeRepo();
    repo.write(FILE, EXAMPLE);
    repo.commit("Add", "2025-01-01");
    repo.write(FILE, EXAMPLE.replace("officers_deployed: 12", "officers_deployed: twelve"));
    const broken = repo.commit("Typo", "2025-01-02");
    repo.write(FILE, "name: [unclosed\n");
    repo.commit("Worse typo", "2025-01-03");
    repo.write(FILE, EXAMPLE_WORSE);
    const fixed = repo.commit("Fixed, and a real change", "2025-01-04");
    const entries = await json(repo.dir, FILE);
    expect(entries.map((e) => e.state)).toEqual(["scored", "invalid", "scored"]);
    const bad = entries[1]!;
    expect(bad.commit).toBe(broken);
    expect(bad.grade).toBeNull();
    expect(bad.problems[0]!.message).toMatch(/officers_deployed must be a whole number/);
    const fix = entries[2]!;
    expect(fix.commit).toBe(fixed);
    expect(fix.moved.kind).toBe("fixed");
    expect(fix.moved.comparedWith).toBe(entries[0]!.commit);
    expect(fix.moved.criteria.map((c) => c.id)).toContain("no-sex-trade-stings");
    const text = await cli(["history", FILE], { cwd: repo.dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/grade errors/);
    expect(text.stdout).toMatch(/The file has an error at this commit, so it cannot be scored \(line \d+: officers_deployed/);
    expect(text.stdout).toContain("Errors fixed; since the last version that could be scored");
  });

  it("starts where the file did not exist yet, and scores each version with the rubric of its own commit", async () => {
    const repo = makeRepo();
    repo.write("rubric/rubric.yaml", rubricVariant("2024.1"));
    repo.commit("Rubric only, before any scorecard", "2024-06-01");
    repo.write("rubric/rubric.yaml", rubricVariant("2024.2", { "law-enforcement-share": 20 }));
    repo.commit("Rubric 2024.2, still no scorecard", "2024-07-01");
    repo.write(FILE, EXAMPLE_WORSE);
    const added = repo.commit("Add", "2025-01-01");
    repo.write("rubric/rubric.yaml", rubricVariant("2025.1", { "no-sex-trade-stings": 30 }));
    const rubricChange = repo.commit("Rubric 2025.1: stings weigh more", "2025-02-01");
    const entries = await json(repo.dir, FILE);
    expect(entries.map((e) => e.commit)).toEqual([added, rubricChange]);
    expect(entries.map((e) => e.rubricVersion)).toEqual(["2024.2", "2025.1"]);
    expect(entries[0]!.percent).toBe(scoreOf(EXAMPLE_WORSE, parseRubric(rubricVariant("2024.2", { "law-enforcement-share": 20 }))).percent);
    expect(entries[1]!.percent).toBe(scoreOf(EXAMPLE_WORSE, parseRubric(rubricVariant("2025.1", { "no-sex-trade-stings": 30 }))).percent);
    expect(entries[1]!.moved.rubric?.changed.join(" ")).toMatch(/weight 8 → 30|weight \d+ → 30/);
    const text = await cli(["history", FILE], { cwd: repo.dir });
    expect(text.stdout).toContain("The rubric changed (2024.2 → 2025.1)");
    expect(text.stdout).toContain("No stings on the sex trade (Not met, 0 of 10 → 0 of 30 points)");
  });

  it("says so where a commit's rubric names criteria this tool no longer has, or the criteria's code changed since", async () => {
    const repo = makeRepo();
    repo.write("rubric/rubric.yaml", RUBRIC_TEXT.replace("  - id: right-of-reply\n", "  - id: retired-criterion\n"));
    repo.write(FILE, EXAMPLE);
    // The tool's own criteria code, as it is today, but for one criterion, as it was "then".
    for (const f of readdirSync(join(TOOL_ROOT, "src/score/criteria")))
      repo.write(`src/score/criteria/${f}`, readFileSync(join(TOOL_ROOT, "src/score/criteria", f), "utf8"));
    repo.write("src/score/criteria/law-enforcement-share.ts", "// an older version of this criterion (fictional)\n");
    repo.commit("Old rubric with a criterion since retired", "2025-01-01");
    repo.write("rubric/rubric.yaml", RUBRIC_TEXT);
    repo.commit("Today's rubric", "2025-02-01");
    const entries = await json(repo.dir, FILE);
    expect(entries.map((e) => e.state)).toEqual(["unscored", "scored"]);
    expect(entries[0]!.reason).toMatch(/names criteria that this version of the tool no longer has: retired-criterion/);
    expect(entries[1]!.notes.join(" ")).toMatch(/The code of this criterion changed since this commit, .*: Balanced membership\.$/);
    expect(entries[1]!.moved.kind).toBe("fixed");
  });

  it("an earlier version that breaks only a rule added since is scored as it was written, and says so", async () => {
    const repo = makeRepo();
    const older = EXAMPLE.replace("  targeted_community_seats: 1\n", "  targeted_community_seats: 0\n");
    expect(check(FILE, older, "2030-01-01").problems.map((p) => p.code)).toContain("seats-zero-unproven");
    repo.write(FILE, older);
    repo.commit("Written before the rule on zero seats", "2024-01-01");
    repo.write(FILE, EXAMPLE);
    repo.commit("Seats from the member list", "2024-02-01");
    const entries = await json(repo.dir, FILE);
    expect(entries[0]!.state).toBe("scored");
    expect(entries[0]!.notes.join(" ")).toMatch(
      /breaks rules added to the tool since it was written \(seats-zero-unproven\); it is scored as it was written/,
    );
  });

  it("markdown: a table with a row per commit, names escaped", async () => {
    const repo = makeRepo();
    repo.write(FILE, EXAMPLE);
    repo.commit("Add <b>bold</b> | pipe @someone", "2025-01-01");
    repo.write(FILE, EXAMPLE_WORSE);
    repo.commit("Worse", "2025-01-02");
    const r = await cli(["history", FILE, "--format", "markdown"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| Date | Commit | Rubric | Grade | Score | Coverage | What moved it |");
    expect(r.stdout.split("\n").filter((l) => /^\| 2025-01-0\d \|/.test(l))).toHaveLength(2);
    expect(r.stdout).not.toContain("<b>");
    expect(r.stdout).not.toMatch(/(^|[^\\])@someone/);
  });

  it("plain messages for what cannot be shown, exit 1", async () => {
    const outside = tempDir({ "example.yaml": "tests/fixtures/history/example-county.yaml" });
    const notGit = await cli(["history", "example.yaml"], { cwd: outside });
    expect(notGit.code).toBe(1);
    expect(notGit.stderr).toMatch(/not in a git repository/);

    const repo = makeRepo();
    repo.write(FILE, EXAMPLE);
    repo.commit("Add", "2025-01-01");
    repo.write("scorecards/new.yaml", EXAMPLE);
    const uncommitted = await cli(["history", "scorecards/new.yaml"], { cwd: repo.dir });
    expect(uncommitted.code).toBe(1);
    expect(uncommitted.stderr).toMatch(/has never been committed/);
    const missing = await cli(["history", "scorecards/nothing.yaml"], { cwd: repo.dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/git has no record of scorecards\/nothing\.yaml/);
    expect((await cli(["history"], { cwd: repo.dir })).stderr).toMatch(/name the task force file/);
    expect((await cli(["history", FILE, "--format", "xml"], { cwd: repo.dir })).stderr).toMatch(/--format must be text, markdown or json/);
    for (const r of [notGit, uncommitted, missing]) expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it("a removed file shows its removal, and its return", async () => {
    const repo = makeRepo();
    repo.write(FILE, EXAMPLE);
    repo.commit("Add", "2025-01-01");
    repo.remove(FILE);
    repo.commit("Remove", "2025-01-02");
    repo.write(FILE, EXAMPLE_WORSE);
    repo.commit("Back, worse", "2025-01-03");
    const entries = await json(repo.dir, FILE);
    expect(entries.map((e) => e.moved.kind)).toEqual(["first", "removed", "restored"]);
    expect(entries[2]!.moved.criteria.length).toBeGreaterThan(0);
  });
});
