import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePage, indexView, type IndexRow } from "../../src/batch/index-page.ts";
import { MANIFEST_FILE, readManifest, serializeManifest, type Manifest } from "../../src/batch/manifest.ts";
import { docHash, hashParts, planBuild } from "../../src/batch/plan.ts";
import { barLine, summaryTable, useBar } from "../../src/batch/progress.ts";
import { parseLog, parseStatus } from "../../src/io/git.ts";
import type { ScoreCard } from "../../src/score/types.ts";
import { readFileSync } from "node:fs";
import { tempDir } from "../helpers.ts";

const card = (name: string, grade = "B", extra: Partial<ScoreCard> = {}): ScoreCard =>
  ({
    name,
    rubricVersion: "test-1",
    criteria: [],
    points: 8,
    maxPoints: 10,
    percent: 80,
    coverage: 0.75,
    grade,
    ...extra,
  }) as unknown as ScoreCard;

const prov = { dataFile: "scorecards/a.yaml", commit: "abc123", dirty: false, date: "2024-05-01", paper: "letter" };

describe("plan", () => {
  const manifest = (docs: Record<string, string>): Manifest => ({
    docs: Object.fromEntries(
      Object.entries(docs).map(([name, hash]) => [
        name,
        { file: `${name}.yaml`, hash, card: card(name), review: "published" as const, warnings: [] },
      ]),
    ),
  });

  it("skips only documents with the same hash whose outputs are still there", () => {
    const docs = [
      { name: "same", hash: "h1" },
      { name: "changed", hash: "h2-new" },
      { name: "new", hash: "h3" },
      { name: "deleted-pdf", hash: "h4" },
    ];
    const plan = planBuild(docs, manifest({ same: "h1", changed: "h2", "deleted-pdf": "h4" }), (n) => n !== "deleted-pdf", false);
    expect(plan.skip.map((d) => d.name)).toEqual(["same"]);
    expect(plan.build.map((d) => d.name)).toEqual(["changed", "new", "deleted-pdf"]);
  });

  it("--force builds everything", () => {
    const plan = planBuild([{ name: "same", hash: "h1" }], manifest({ same: "h1" }), () => true, true);
    expect(plan.build).toHaveLength(1);
  });

  it("a name like a property of Object.prototype is not mistaken for a built document", () => {
    const plan = planBuild(
      [
        { name: "constructor", hash: "x" },
        { name: "__proto__", hash: "y" },
      ],
      { docs: {} },
      () => true,
      false,
    );
    expect(plan.build).toHaveLength(2);
  });

  it("the hash changes with the data, the shared inputs and every piece of provenance printed on the page", () => {
    const base = docHash("shared", "yaml", prov);
    expect(docHash("shared", "yaml", { ...prov })).toBe(base);
    expect(docHash("shared2", "yaml", prov)).not.toBe(base);
    expect(docHash("shared", "yaml ", prov)).not.toBe(base);
    for (const change of [{ commit: "def456" }, { dirty: true }, { date: "2024-05-02" }, { paper: "a4" }, { dataFile: "b.yaml" }]) {
      expect(docHash("shared", "yaml", { ...prov, ...change })).not.toBe(base);
    }
  });

  it("hashParts cannot be fooled by moving text between parts", () => {
    expect(hashParts(["ab", "c"])).not.toBe(hashParts(["a", "bc"]));
  });
});

describe("manifest", () => {
  it("a missing, damaged or foreign manifest counts as empty (a full rebuild), never as a crash", () => {
    const dir = tempDir();
    expect(readManifest(dir)).toEqual({ docs: {} });
    for (const text of [
      "{not json",
      "[]",
      "null",
      '{"format":99,"docs":{}}',
      '{"format":1,"docs":[]}',
      '{"format":1,"docs":{"a":{"hash":5}}}',
    ]) {
      writeFileSync(join(dir, MANIFEST_FILE), text);
      expect(readManifest(dir).docs).toEqual({});
    }
  });

  it("reads back what it wrote", () => {
    const dir = tempDir();
    const m: Manifest = {
      summaries: { en: "s", es: "t" },
      docs: {
        a: { file: "a.yaml", hash: "h", card: card("A"), review: "draft", warnings: [], doc: "a", lang: "en" },
        "a.es": { file: "a.yaml", hash: "i", card: card("A"), review: "draft", warnings: [], doc: "a", lang: "es" },
      },
    };
    writeFileSync(join(dir, MANIFEST_FILE), serializeManifest(m));
    expect(readManifest(dir)).toEqual(m);
  });
});

describe("git output parsing", () => {
  it("takes the newest commit that touched each file", () => {
    const out = "\x01aaaaaaaaaaaa 200\0\nscorecards/a.yaml\0\x01bbbbbbbbbbbb 100\0\nscorecards/a.yaml\0scorecards/b c.yaml\0";
    const log = parseLog(out);
    expect(log.get("scorecards/a.yaml")).toEqual({ commit: "aaaaaaaaaaaa", date: 200 });
    expect(log.get("scorecards/b c.yaml")).toEqual({ commit: "bbbbbbbbbbbb", date: 100 });
  });

  it("lists modified, new and renamed files, skipping the old name of a rename", () => {
    const dirty = parseStatus(" M scorecards/a.yaml\0?? scorecards/new.yaml\0R  scorecards/renamed.yaml\0scorecards/old.yaml\0");
    expect([...dirty].sort()).toEqual(["scorecards/a.yaml", "scorecards/new.yaml", "scorecards/renamed.yaml"]);
  });
});

describe("progress", () => {
  it("shows a bar only on a terminal outside CI", () => {
    expect(useBar({ write: () => 0, isTTY: true }, {})).toBe(true);
    expect(useBar({ write: () => 0, isTTY: true }, { CI: "true" })).toBe(false);
    expect(useBar({ write: () => 0, isTTY: false }, {})).toBe(false);
    expect(useBar({ write: () => 0 }, {})).toBe(false);
    expect(useBar({ write: () => 0, isTTY: true }, { CI: "false" })).toBe(true);
  });

  it("the bar has the counts and the current file, and fits the terminal", () => {
    expect(barLine(5, 10, 1, "scorecards/x.yaml", 120)).toBe("[##########----------] 5/10  1 failed  now: scorecards/x.yaml");
    expect(barLine(5, 10, 0, "a".repeat(200), 40).length).toBeLessThanOrEqual(40);
  });

  it("the summary table lists built, skipped, failed and time", () => {
    const t = summaryTable({ built: 3, skipped: 12, failed: 1, seconds: 4.2 });
    expect(t).toMatch(/Built\s+3\n/);
    expect(t).toMatch(/Skipped \(unchanged\)\s+12\n/);
    expect(t).toMatch(/Failed\s+1\n/);
    expect(t).toMatch(/Time\s+4\.2 s\n/);
  });
});

describe("index.html", () => {
  const template = readFileSync(join(import.meta.dirname, "..", "..", "templates", "index.hbs"), "utf8");
  const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
  const rows: IndexRow[] = [
    { output: "b", file: "scorecards/b.yaml", card: card("Zeta Example Task Force", "A"), review: "published" },
    { output: 'evil"name <x>', file: "scorecards/evil.yaml", card: card(hostile, "Incomplete"), review: "sent-for-reply" },
    { output: "javascript:alert(3)", file: "scorecards/j.yaml", card: card("Alpha Example Task Force", "F"), review: "draft" },
  ];
  const html = compilePage(template)(indexView(rows, ["A", "B", "C", "D", "F"]));

  it("lists every task force with grade, score and coverage, linked to its PDF and HTML", () => {
    expect(html).toContain("Zeta Example Task Force");
    expect(html).toContain('href="b.pdf"');
    expect(html).toContain('href="b.html"');
    expect(html).toMatch(/80%/);
    expect(html).toMatch(/75%/);
    expect(html.indexOf("Alpha Example")).toBeLessThan(html.indexOf("Zeta Example"));
  });

  it("marks drafts, so a comparison cannot pass a draft grade off as final", () => {
    const rowOf = (name: string) => html.slice(html.indexOf(name), html.indexOf("</tr>", html.indexOf(name)));
    expect(rowOf("Alpha Example Task Force")).toContain("<strong>Draft</strong>");
    expect(rowOf("Zeta Example Task Force")).toContain("Published");
    expect(rowOf("Zeta Example Task Force")).not.toContain("Draft");
    expect(html).toContain("Draft: awaiting the task force&#x27;s reply");
  });

  it("escapes data: no script, tag or attribute from a task force name or file name gets through", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('href="evil%22name%20%3Cx%3E.pdf"');
    // The only script is ours, allowed by its hash in the Content-Security-Policy.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it("grades sort best first, Incomplete last", () => {
    const view = indexView(rows, ["A", "B", "C", "D", "F"]);
    const rank = Object.fromEntries(view.rows.map((r) => [r.grade, r.gradeRank]));
    expect(rank.A).toBeLessThan(rank.F!);
    expect(rank.F).toBeLessThan(rank.Incomplete!);
  });
});

describe("stale temp files", () => {
  it("removes temp files of dead writers only", async () => {
    const { removeStaleTempFiles } = await import("../../src/io/files.ts");
    const dir = tempDir();
    mkdirSync(join(dir, "out"));
    const dead = join(dir, "out", ".a.pdf.999999999.1.tmp");
    const mine = join(dir, "out", `.b.pdf.${process.pid}.1.tmp`);
    const other = join(dir, "out", "keep.pdf");
    for (const f of [dead, mine, other]) writeFileSync(f, "x");
    removeStaleTempFiles(join(dir, "out"));
    const { existsSync } = await import("node:fs");
    expect([existsSync(dead), existsSync(mine), existsSync(other)]).toEqual([false, true, true]);
  });
});
