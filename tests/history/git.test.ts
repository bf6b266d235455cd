// The git edge of the editions: which committed versions of each file may be editions.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseNameStatus, parseRawLog, readEditionSources, treeBlobs } from "../../src/history/git.ts";
import { readFixture, tempDir } from "../helpers.ts";
import { makeRepo, rubricVariant } from "./repo.ts";

const EXAMPLE = readFixture("history", "example-county.yaml");
const DRAFT = EXAMPLE.replace("  status: published\n", "  status: draft\n");

describe("readEditionSources", () => {
  it("gives each published version with the rubric of its commit, following renames, for many files at once", () => {
    const repo = makeRepo();
    repo.write("rubric/rubric.yaml", rubricVariant("2024.1"));
    repo.write("scorecards/first-name.yaml", DRAFT);
    repo.write("scorecards/other.yaml", EXAMPLE.replace("Example County Task Force", "Other Example Task Force"));
    const a = repo.commit("Drafts", "2024-01-01");
    repo.write("scorecards/first-name.yaml", EXAMPLE);
    const b = repo.commit("Publish", "2024-02-01");
    repo.git("mv", "scorecards/first-name.yaml", "scorecards/example.yaml");
    repo.commit("Rename", "2024-03-01");
    repo.write("rubric/rubric.yaml", rubricVariant("2024.2"));
    const d = repo.commit("New rubric: every published scorecard gets a new edition", "2024-04-01");
    repo.write("notes.txt", "unrelated\n");
    repo.commit("Unrelated", "2024-05-01");

    const file = join(repo.dir, "scorecards", "example.yaml");
    const other = join(repo.dir, "scorecards", "other.yaml");
    const got = readEditionSources([file, other]);
    const mine = got.get(file)!;
    // The rename itself changed nothing: same text, same rubric; it is listed, and readEditions merges it.
    expect(mine.map((e) => [e.commit, e.date])).toEqual([
      [b, "2024-02-01"],
      [repo.git("rev-parse", "HEAD~2").trim(), "2024-03-01"],
      [d, "2024-04-01"],
    ]);
    expect(mine.every((e) => e.text === EXAMPLE)).toBe(true);
    expect(mine.map((e) => /^version: "(.*)"$/m.exec(e.rubric ?? "")?.[1])).toEqual(["2024.1", "2024.1", "2024.2"]);
    expect(got.get(other)!.map((e) => e.commit)).toEqual([a, d]);
  });

  it("a file re-created after it was removed starts again; a file outside git has none", () => {
    const repo = makeRepo();
    repo.write("scorecards/x.yaml", EXAMPLE);
    repo.commit("Add", "2024-01-01");
    repo.remove("scorecards/x.yaml");
    repo.commit("Remove", "2024-02-01");
    repo.write("scorecards/x.yaml", EXAMPLE.replace("officers_deployed: 12", "officers_deployed: 13"));
    const c = repo.commit("Again", "2024-03-01");
    const file = join(repo.dir, "scorecards", "x.yaml");
    expect(
      readEditionSources([file])
        .get(file)!
        .map((e) => e.commit),
    ).toEqual([c]);
    expect(readEditionSources([file]).get(file)![0]!.rubric).toBeUndefined();

    const outside = join(tempDir({ "x.yaml": "tests/fixtures/history/example-county.yaml" }), "x.yaml");
    expect(readEditionSources([outside]).get(outside)).toEqual([]);
  });

  it("an empty repository, and a file never committed, have no editions", () => {
    const repo = makeRepo();
    repo.write("scorecards/x.yaml", EXAMPLE);
    const file = join(repo.dir, "scorecards", "x.yaml");
    expect(readEditionSources([file]).get(file)).toEqual([]);
    repo.write("scorecards/y.yaml", EXAMPLE);
    repo.git("add", "scorecards/y.yaml");
    repo.git("commit", "-q", "-m", "only y");
    expect(readEditionSources([file]).get(file)).toEqual([]);
  });
});

describe("git output parsers", () => {
  it("read names with spaces, quotes and non-Latin letters, and renames", () => {
    const raw =
      "\x01" +
      "a".repeat(40) +
      "\x002024-01-02\x00\n:100644 100644 " +
      "1".repeat(40) +
      " " +
      "2".repeat(40) +
      ' R090\x00scorecards/old name.yaml\x00scorecards/nuevo "ñ".yaml\x00';
    expect(parseRawLog(raw)).toEqual([
      {
        commit: "a".repeat(40),
        date: "2024-01-02",
        changes: [{ status: "R", blob: "2".repeat(40), paths: ["scorecards/old name.yaml", 'scorecards/nuevo "ñ".yaml'] }],
      },
    ]);
    const named = "\x01" + "b".repeat(40) + "\x00\nR100\x00a b.yaml\x00c.yaml\x00\x01" + "c".repeat(40) + "\x00\nA\x00a b.yaml\x00";
    expect(parseNameStatus(named)).toEqual([
      { commit: "b".repeat(40), changes: [{ status: "R100", paths: ["a b.yaml", "c.yaml"] }] },
      { commit: "c".repeat(40), changes: [{ status: "A", paths: ["a b.yaml"] }] },
    ]);
  });

  it("reads the blobs of a raw tree object, skipping folders", () => {
    const entry = (mode: string, name: string, byte: number) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.alloc(20, byte)]);
    const tree = Buffer.concat([entry("100644", "a.ts", 0xab), entry("40000", "sub", 0x01), entry("100755", "b.ts", 0xcd)]);
    expect(treeBlobs(tree)).toEqual({ "a.ts": "ab".repeat(20), "b.ts": "cd".repeat(20) });
  });
});
