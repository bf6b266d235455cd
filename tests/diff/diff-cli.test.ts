import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/pipeline.ts";
import { parseRubric } from "../../src/score/rubric.ts";
import { score } from "../../src/score/score.ts";
import { cli, readFixture } from "../helpers.ts";
import { makeRepo } from "./repo.ts";

const RUBRIC_TEXT = readFileSync(join(import.meta.dirname, "../../rubric/rubric.yaml"), "utf8");
const rubric = parseRubric(RUBRIC_TEXT);
const BASE = readFixture("diff", "example-county.yaml");
const FILE = "scorecards/example-county.yaml";

/** The fixture with one operation's arrests changed to arrests of people selling sex, and one member's sector changed. */
const CHANGED = BASE.replace("      total: 2\n      selling_sex: 0\n", "      total: 9\n      selling_sex: 7\n").replace(
  "    - name: Example Health Project\n      sector: health-harm-reduction",
  "    - name: Example Health Project\n      sector: law-enforcement",
);

const gradeOf = (text: string) => score(check(FILE, text, "2030-01-01").taskForce!, rubric).grade;

describe("scorecard diff in a git repository", () => {
  it("names the grade change and the criteria that moved (markdown, working copy against main)", async () => {
    expect(CHANGED).not.toBe(BASE);
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.commit("Add the Example County scorecard");
    repo.write(FILE, CHANGED);

    const md = await cli(["diff", "--format", "markdown"], { cwd: repo.dir });
    expect(md.stderr).toBe("");
    expect(md.code).toBe(0);
    const before = gradeOf(BASE);
    const after = gradeOf(CHANGED);
    expect(before).not.toBe(after);
    expect(md.stdout).toContain(`grade ${before} → ${after}`);
    expect(md.stdout).toContain("Example County Task Force");
    // The score in the scorecard's words, and the output ends with a newline in every format.
    expect(md.stdout).toMatch(/^Before: \S+, [\d.]+% \([\d.]+ of the \d+ points that had data\), \d+% of the rubric had data$/m);
    expect(md.stdout.endsWith("\n")).toBe(true);
    const text = await cli(["diff"], { cwd: repo.dir });
    expect(text.stdout).toMatch(/^After: \S+, [\d.]+% \([\d.]+ of the \d+ points that had data\), \d+% of the rubric had data$/m);
    expect(text.stdout.endsWith("\n")).toBe(true);

    const json = await cli(["diff", "--format", "json"], { cwd: repo.dir });
    const model = JSON.parse(json.stdout) as {
      cards: { change: string; criteria: { id: string; title: string; edits: { field: string }[] }[] }[];
    };
    expect(model.cards).toHaveLength(1);
    const moved = model.cards[0]!.criteria;
    const ids = moved.map((c) => c.id);
    expect(ids).toContain("law-enforcement-share");
    expect(ids).toContain("no-sex-trade-stings");
    const section = md.stdout.slice(md.stdout.indexOf("Criteria that moved"));
    for (const c of moved) expect(section).toContain(c.title);
    // The edits behind each move are named with the field that changed.
    const share = moved.find((c) => c.id === "law-enforcement-share")!;
    expect(share.edits.map((e) => e.field)).toContain("membership.members[Example Health Project].sector");
    const stings = moved.find((c) => c.id === "no-sex-trade-stings")!;
    expect(stings.edits.map((e) => e.field)).toContain("operations[Example Motel investigation].arrests.selling_sex");
    expect(md.stdout).toMatch(/health-harm-reduction → law-enforcement/);
  });

  it("lists a fact that changed without moving the score under its own heading", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.commit("base");
    repo.write(FILE, BASE.replace("officers_deployed: 12", "officers_deployed: 14"));
    const r = await cli(["diff"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Facts that changed without moving the score");
    expect(r.stdout).toContain("operations[Example Motel investigation].officers_deployed: 12 → 14");
    expect(r.stdout).not.toContain("Criteria that moved");
    expect(r.stdout).toMatch(/grade \S+ \(unchanged\)/);
  });

  it("compares two commits with --base and --head, from a branch, with no checkout", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.commit("base");
    repo.git("checkout", "-q", "-b", "edit");
    repo.write(FILE, CHANGED);
    repo.write("scorecards/second.yaml", BASE.replace("name: Example County Task Force", "name: Second Example Task Force"));
    repo.commit("edit");
    const head = repo.git("rev-parse", "HEAD").trim();
    // The working copy differs from both commits: --head must read the commit, not the disk.
    repo.write(FILE, "not: [valid");
    const r = await cli(["diff", "--base", "main", "--head", head.slice(0, 12), "--format", "markdown"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`grade ${gradeOf(BASE)} → ${gradeOf(CHANGED)}`);
    expect(r.stdout).toMatch(/Second Example Task Force \(`scorecards\/second\.yaml`\): new scorecard, grade/);
    expect(repo.git("status", "--porcelain")).toContain("example-county.yaml");
    // With no --base, a branch is compared with where it left main.
    const d = await cli(["diff", "--head", "edit"], { cwd: repo.dir });
    expect(d.stdout).toMatch(/Comparing main \(/);
    expect(d.stdout).toContain("Second Example Task Force");
  });

  it("reports invalid files on either side plainly, with their locations", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.write("scorecards/broken.yaml", "name: [unclosed\n");
    repo.commit("base");
    repo.write(FILE, BASE.replace("officers_deployed: 12", "officers_deployed: twelve"));
    repo.write("scorecards/broken.yaml", BASE.replace("name: Example County Task Force", "name: Fixed Example Task Force"));
    const r = await cli(["diff", "--format", "markdown"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Example County Task Force .*now has errors \(was grade /);
    expect(r.stdout).toMatch(/scorecards\/example-county\.yaml:\d+:\d+: officers\\_deployed must be a whole number/);
    expect(r.stdout).toMatch(/Fixed Example Task Force .*errors fixed, grade /);
  });

  it("reports a removed scorecard, and says when nothing changed", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.commit("base");
    expect((await cli(["diff"], { cwd: repo.dir })).stdout).toContain("No scorecard changed.");
    repo.git("rm", "-q", FILE);
    const r = await cli(["diff"], { cwd: repo.dir });
    expect(r.stdout).toMatch(/Example County Task Force \(scorecards\/example-county\.yaml\): removed \(was grade \S+\)/);
  });

  it("reports a rubric change as affecting every scorecard, each side scored with its own rubric", async () => {
    const repo = makeRepo();
    repo.write("rubric/rubric.yaml", RUBRIC_TEXT);
    repo.write(FILE, BASE);
    repo.write("scorecards/second.yaml", BASE.replace("name: Example County Task Force", "name: Second Example Task Force"));
    repo.commit("base");
    const first = rubric.criteria[0]!;
    const changedRubric = RUBRIC_TEXT.replace(/^version: .*$/m, 'version: "test-next"').replace(
      new RegExp(`(- id: ${first.id}\\n(?:.*\\n)*?    weight: )\\d+`),
      `$1${first.weight + 7}`,
    );
    expect(parseRubric(changedRubric).criteria[0]!.weight).toBe(first.weight + 7);
    repo.write("rubric/rubric.yaml", changedRubric);
    const r = await cli(["diff", "--format", "markdown"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The rubric changed");
    expect(r.stdout).toContain(`${first.title}: weight ${first.weight} → ${first.weight + 7}`);
    expect(r.stdout).toContain("Example County Task Force");
    expect(r.stdout).toContain("Second Example Task Force");
    expect(r.stdout).not.toContain("other scorecard(s) unchanged");
    // A broken rubric on one side is reported, not a crash.
    repo.write("rubric/rubric.yaml", "criteria: [oops\n");
    const broken = await cli(["diff"], { cwd: repo.dir });
    expect(broken.code).toBe(0);
    expect(broken.stdout).toMatch(/The rubric after the change cannot be read/);
  });

  it("refuses revision names that look like options, unknown revisions and folders outside git", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.commit("base");
    const opt = await cli(["diff", "--base=--output=/tmp/x"], { cwd: repo.dir });
    expect(opt.code).toBe(1);
    expect(opt.stderr).toMatch(/is not a revision name/);
    const unknown = await cli(["diff", "--base", "no-such-branch"], { cwd: repo.dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/git knows no branch, tag or commit called 'no-such-branch'/);
    const fmt = await cli(["diff", "--format", "html"], { cwd: repo.dir });
    expect(fmt.code).toBe(1);
    const { tempDir } = await import("../helpers.ts");
    const outside = await cli(["diff"], { cwd: tempDir() });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/not in a git repository/);
  });

  it("treats every file as new in a repository with no commits yet", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    const r = await cli(["diff"], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/new scorecard, grade/);
  });
});

describe("scorecard diff in GitHub Actions", () => {
  it("adds the markdown to the job summary, and skips the comment plainly outside a pull request", async () => {
    const repo = makeRepo();
    repo.write(FILE, BASE);
    repo.commit("base");
    repo.write(FILE, CHANGED);
    const summary = join(repo.dir, "summary.md");
    writeFileSync(summary, "earlier step\n");
    const r = await cli(["diff", "--summary", "--comment"], {
      cwd: repo.dir,
      env: { GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_PATH: "", GITHUB_BASE_REF: "main" },
    });
    expect(r.code).toBe(0);
    const written = readFileSync(summary, "utf8");
    expect(written.startsWith("earlier step\n<!-- scorecard-diff -->")).toBe(true);
    expect(written).toContain(`grade ${gradeOf(BASE)} → ${gradeOf(CHANGED)}`);
    expect(written).toMatch(/points that had data/);
    expect(written.endsWith("\n")).toBe(true);
    expect(r.stderr).toMatch(/no pull-request comment: this run is not for a pull request/);
  });
});
