import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { cli } from "../helpers.ts";

const FILE = join(import.meta.dirname, "../../.github/workflows/scorecards.yml");
const TEXT = readFileSync(FILE, "utf8");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const doc = parseDocument(TEXT, { uniqueKeys: true });
const wf = doc.toJS() as Workflow;
const jobs = Object.values(wf.jobs);
const prJob = Object.values(wf.jobs).find((j) => j.if?.includes("pull_request"))!;
const mainJob = Object.values(wf.jobs).find((j) => j.if?.includes("push"))!;
const runs = jobs.flatMap((j) => j.steps.filter((s) => s.run).map((s) => s.run!.trim()));

describe(".github/workflows/scorecards.yml", () => {
  it("is valid YAML with no duplicate keys", () => {
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it("runs on pull requests and on pushes to main, with read-only permissions by default", () => {
    expect(Object.keys(wf.on).sort()).toEqual(["pull_request", "push"]);
    expect(wf.on.push?.branches).toEqual(["main"]);
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(prJob).toBeDefined();
    expect(mainJob).toBeDefined();
    expect(prJob.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(mainJob.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    expect(mainJob.environment?.name).toBe("github-pages");
  });

  it("checks out the full history, which the diff needs", () => {
    for (const job of jobs) {
      const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout@"));
      expect(checkout?.with?.["fetch-depth"]).toBe(0);
    }
  });

  it("pins every action to a version", () => {
    for (const step of jobs.flatMap((j) => j.steps)) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it("calls only the project's own commands, with no untrusted text pasted into a shell", () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run).toMatch(/^npm (ci|run build|run scorecard -- .+)$/);
      expect(run).not.toContain("${{");
    }
  });

  it("every scorecard command it calls exists and accepts the options given", async () => {
    const calls = runs
      .filter((r) => r.startsWith("npm run scorecard -- "))
      .map((r) => r.slice("npm run scorecard -- ".length).split(/\s+/));
    expect(calls.map((c) => c[0])).toEqual(expect.arrayContaining(["validate", "diff"]));
    for (const args of calls) {
      const r = await cli([...args, "--help"]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
    }
  });

  it("on pull requests: installs, validates with annotations, builds, keeps output/, then writes the diff", () => {
    const steps = prJob.steps;
    const at = (match: (s: Step) => boolean) => steps.findIndex(match);
    const install = at((s) => s.run === "npm ci");
    const validate = at((s) => s.run === "npm run scorecard -- validate --format github");
    const build = at((s) => s.run === "npm run build");
    const upload = at((s) => s.uses?.startsWith("actions/upload-artifact@") === true);
    const diff = at((s) => s.run?.startsWith("npm run scorecard -- diff") === true);
    expect([install, validate, build, upload, diff].every((i) => i >= 0)).toBe(true);
    expect(install < validate && validate < build && build < upload && upload < diff).toBe(true);
    expect(steps[upload]!.with?.path).toBe("output/");
    const diffStep = steps[diff]!;
    expect(diffStep.run).toMatch(/--format markdown/);
    expect(diffStep.run).toMatch(/--summary/);
    expect(diffStep.run).toMatch(/--comment/);
    expect(diffStep.env?.GITHUB_TOKEN).toBe("${{ secrets.GITHUB_TOKEN }}");
    // Reviewers must see the diff and the built files even when validation failed.
    expect(diffStep.if).toMatch(/!cancelled\(\)/);
    expect(steps[upload]!.if).toMatch(/!cancelled\(\)/);
  });

  it("on main: builds and publishes output/ to GitHub Pages", () => {
    const steps = mainJob.steps;
    const build = steps.findIndex((s) => s.run === "npm run build");
    const pages = steps.findIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact@") === true);
    const deploy = steps.findIndex((s) => s.uses?.startsWith("actions/deploy-pages@") === true);
    expect(build).toBeGreaterThan(steps.findIndex((s) => s.run === "npm ci"));
    expect(pages).toBeGreaterThan(build);
    expect(deploy).toBeGreaterThan(pages);
    expect(steps[pages]!.with?.path).toBe("output/");
  });
});
