// The bin runs the compiled JavaScript in dist/ (npm run compile, run by npm ci). These tests
// run that bin as a user would, check that a stale dist/ is noticed, and that the validators
// compiled ahead of time give exactly the problems that ajv gives when it compiles at run time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, fingerprint } from "../../bin/compile.js";
import { schemaKey, TASK_FORCE_AJV, RUBRIC_AJV } from "../../src/validate/schemas.ts";
import { criteria } from "../../src/score/criteria/index.ts";
import { fixture, readFixture, tempDir } from "../helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: { scorecard: string } }).bin.scorecard);
const STACK = /\n\s+at .+:\d+:\d+/;
const env = { ...process.env, SCORECARD_TODAY: "2026-11-29" };
const bin = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8" });

beforeAll(async () => {
  // Compiles only if src/ changed since dist/ was made (the bin would do the same).
  await ensureCompiled({ log: () => undefined });
}, 120_000);

describe("the compiled bin", () => {
  it("is the bin package.json names, and it runs dist/, not the TypeScript", () => {
    expect(readFileSync(BIN, "utf8")).toContain("../dist/src/cli/main.js");
    const r = bin(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: scorecard <command>/);
    expect(r.stderr).toBe("");
  });

  it("validates the LA file: exit 0, warnings only", () => {
    const r = bin(["validate", join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml")]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 file\(s\) checked: all valid/);
    for (const line of r.stdout.split("\n").filter(Boolean)) expect(line).toMatch(/^\S+:\d+:\d+: warning: /);
  });

  it("reads the rubric when a reply names a criterion, and reports one it does not have", () => {
    const r = bin(["validate", fixture("invalid", "reply-unknown-criterion.yaml")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /reply-unknown-criterion\.yaml:19:14: about is 'law-enforcment-share', which is not a criterion of the rubric\. Did you mean 'law-enforcement-share'\?/,
    );
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("reports every problem of an invalid file at its place, exit 1, no stack trace", () => {
    const dir = tempDir();
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      readFixture("valid", "example-county.yaml")
        .replace("sector: survivor-led", "sector: survivors")
        .replace("officers_deployed: 12", "officers_deployed: twelve"),
    );
    const r = bin(["validate", file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml:52:15: sector must be one of: .*survivor-led/);
    expect(r.stdout).toMatch(/bad\.yaml:\d+:\d+: officers_deployed/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("loads only what a command uses: --help and validate load neither the browser nor the templates", () => {
    // Node 20 has no synchronous loader hooks; ask the ESM loader what it loaded instead, by
    // running the command under a loader that lists each URL it resolves.
    const dir = tempDir();
    const hooks = join(dir, "hooks.mjs");
    writeFileSync(
      hooks,
      `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }\n`,
    );
    const register = join(dir, "register.mjs");
    writeFileSync(
      register,
      `import { register } from "node:module"; import { pathToFileURL } from "node:url"; register(pathToFileURL(${JSON.stringify(hooks)}));\n`,
    );
    for (const args of [["--help"], ["validate", join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml")]]) {
      const r = spawnSync(process.execPath, ["--import", register, BIN, ...args], { cwd: ROOT, env, encoding: "utf8" });
      const loaded = r.stderr
        .split("\n")
        .filter((l) => l.startsWith("LOADED "))
        .map((l) => l.slice(7));
      expect(loaded.some((u) => u.includes("/dist/src/cli/main.js"))).toBe(true);
      expect(
        loaded.filter((u) => /puppeteer|handlebars|\/src\/pdf\/|\/src\/render\/(render|view|documents)\.js|\/src\/preview\//.test(u)),
      ).toEqual([]);
      expect(loaded.filter((u) => u.endsWith(".ts"))).toEqual([]);
      if (args[0] === "--help") expect(loaded.filter((u) => u.includes("/dist/src/cli/commands/"))).toEqual([]);
    }
  });
});

describe("every command, compiled", () => {
  it("has its help", () => {
    for (const command of ["validate", "score", "build", "diff", "history", "new", "preview", "reply-packet"]) {
      const r = bin([command, "--help"]);
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^Usage: scorecard ${command}`));
    }
  });

  it("builds a fictional scorecard into real PDFs and HTML in both languages, finding its templates, words and fonts", async () => {
    const dir = tempDir({ "scorecards/example-county.yaml": fixture("valid", "example-county.yaml") });
    const r = bin(["build"], dir);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    for (const file of [
      "example-county.pdf",
      "example-county.es.pdf",
      "example-county.html",
      "example-county.es.html",
      "index.html",
      "summary.pdf",
      "methodology.html",
    ]) {
      expect(existsSync(join(dir, "output", file)), file).toBe(true);
    }
    const { extractText, getDocumentProxy } = await import("../pdf-reader.ts");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(join(dir, "output", "example-county.pdf")))), {
      mergePages: true,
    });
    expect(text).toContain("Example County Task Force");
    expect(readFileSync(join(dir, "output", "example-county.es.html"), "utf8")).toMatch(/<html lang="es"/);
  });

  it("scores, starts a new file and makes a reply packet", () => {
    const dir = tempDir({ "scorecards/example-county.yaml": fixture("valid", "example-county.yaml") });
    const score = bin(["score", "--json"], dir);
    expect(score.status).toBe(0);
    expect(() => JSON.parse(score.stdout) as unknown).not.toThrow();
    const made = bin(["new", "Example Borough Task Force"], dir);
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(join(dir, "scorecards", "example-borough-task-force.yaml"))).toBe(true);
    const packet = bin(["reply-packet", join("scorecards", "example-county.yaml")], dir);
    expect(packet.stderr).not.toMatch(/internal error/);
    expect(packet.status).toBe(0);
    expect(readdirSync(join(dir, "output")).some((f) => f.includes("reply-packet"))).toBe(true);
  });
});

describe("a stale dist/ is never run", () => {
  it("the fingerprint changes when a source is edited, added or removed", () => {
    const root = tempDir();
    mkdirSync(join(root, "src", "cli"), { recursive: true });
    mkdirSync(join(root, "schemas"));
    writeFileSync(join(root, "src", "cli", "main.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "schemas", "x.schema.json"), "{}\n");
    const first = fingerprint(root);
    expect(fingerprint(root)).toBe(first);
    writeFileSync(join(root, "src", "cli", "main.ts"), "export const a = 2;\n");
    const edited = fingerprint(root);
    expect(edited).not.toBe(first);
    // Same size, only the time changed (a checkout of another branch).
    utimesSync(join(root, "src", "cli", "main.ts"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(fingerprint(root)).not.toBe(edited);
    const touched = fingerprint(root);
    writeFileSync(join(root, "src", "new.ts"), "");
    expect(fingerprint(root)).not.toBe(touched);
    writeFileSync(join(root, "schemas", "x.schema.json"), "{ }\n");
    expect(fingerprint(root)).not.toBe(touched);
  });

  it("dist/ records the fingerprint of the sources it was compiled from", () => {
    expect(readFileSync(join(ROOT, "dist", ".fingerprint"), "utf8")).toBe(fingerprint());
  });
});

describe("validators compiled ahead of time", () => {
  it("cover every schema the tool compiles, and give the same errors as ajv compiling at run time", async () => {
    const { PRECOMPILED } = (await import(join(ROOT, "dist", "src", "validate", "precompiled.js"))) as {
      PRECOMPILED: Map<string, { key: string; load: () => ((data: unknown) => boolean) & { errors?: unknown } }>;
    };
    const taskForce = JSON.parse(readFileSync(join(ROOT, "schemas", "task-force.schema.json"), "utf8")) as object;
    const rubric = JSON.parse(readFileSync(join(ROOT, "schemas", "rubric.schema.json"), "utf8")) as object;
    // Each is found by the name the code asks for, and was made from the schema as it is now.
    const wanted: [string, typeof TASK_FORCE_AJV, object][] = [
      ["task-force", TASK_FORCE_AJV, taskForce],
      ["rubric", RUBRIC_AJV, rubric],
      ...Object.entries(criteria).map(([id, c]) => [`params:${id}`, RUBRIC_AJV, c.params] as [string, typeof RUBRIC_AJV, object]),
    ];
    for (const [name, options, schema] of wanted) expect(PRECOMPILED.get(name)?.key, name).toBe(schemaKey(options, schema));
    expect(PRECOMPILED.size).toBe(wanted.length);

    const fresh = new Ajv(TASK_FORCE_AJV).compile(taskForce);
    const ready = PRECOMPILED.get("task-force")!.load();
    const files = [
      ...readdirSync(fixture("invalid")).map((f) => fixture("invalid", f)),
      fixture("valid", "example-county.yaml"),
      join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml"),
    ];
    let compared = 0;
    for (const file of files.filter((f) => f.endsWith(".yaml"))) {
      let data: unknown;
      try {
        data = parse(readFileSync(file, "utf8"), { maxAliasCount: 10, logLevel: "silent" });
      } catch {
        continue; // Not YAML that parses: the loader reports it before any schema.
      }
      expect(ready(data), file).toBe(fresh(data));
      expect(ready.errors ?? null, file).toEqual(fresh.errors ?? null);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it("a key tells a changed schema from the one a validator was made from", () => {
    const taskForce = JSON.parse(readFileSync(join(ROOT, "schemas", "task-force.schema.json"), "utf8")) as { required?: string[] };
    const before = schemaKey(TASK_FORCE_AJV, taskForce);
    taskForce.required = [...(taskForce.required ?? []), "something-new"];
    expect(schemaKey(TASK_FORCE_AJV, taskForce)).not.toBe(before);
    expect(schemaKey(RUBRIC_AJV, taskForce)).not.toBe(schemaKey(TASK_FORCE_AJV, taskForce));
  });
});
