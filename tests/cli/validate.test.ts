import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, fixture, readFixture, tempDir } from "../helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");

describe("scorecard validate", () => {
  it("accepts the valid fixture and the real LA scorecard", async () => {
    const result = await cli(["validate", fixture("valid", "example-county.yaml"), join(ROOT, "scorecards")]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("reports a schema error as file:line:col with a plain message and exits 1, without a stack trace (real process)", () => {
    const dir = tempDir();
    const file = join(dir, "bad.yaml");
    writeFileSync(file, readFixture("valid", "example-county.yaml").replace("sector: survivor-led", "sector: survivors"));
    const r = spawnSync("npm", ["run", "--silent", "scorecard", "--", "validate", file], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:51:15: sector must be one of: .*survivor-led`));
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it("reports every problem in every file at once", async () => {
    const dir = tempDir();
    const text = readFixture("valid", "example-county.yaml");
    writeFileSync(join(dir, "a.yaml"), text.replace("votes: yes", "votes: maybe").replace("total: 2", "totl: 2"));
    writeFileSync(join(dir, "b.yaml"), text.replace("schema_version: 1", "schema_version: 3"));
    const result = await cli(["validate", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/a\.yaml:\d+:\d+: votes must be yes, no or unknown/);
    expect(result.stdout).toMatch(/a\.yaml:\d+:\d+: unknown field 'totl' in operations\[0\]\.arrests: did you mean 'total'\?/);
    expect(result.stdout).toMatch(/b\.yaml:4:17: schema_version must be 1/);
  });
});
