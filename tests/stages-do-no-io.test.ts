// The stages are pure: only the edges (src/io, src/cli, scripts/) read or write files or start
// processes. A static scan of every import, so that a stage that starts doing I/O fails here.
// src/pdf is left out: it starts and talks to the browser (src/pdf/browser.ts), an edge by design.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const PURE_STAGES = ["score", "validate", "render", "load"];
const IO_MODULES = new Set(["fs", "fs/promises", "child_process"]);

/** The modules a source file imports, exports from, requires or imports dynamically. */
function importedModules(source: string): string[] {
  const specifiers = [
    /\bfrom\s*["']([^"']+)["']/g, // import … from "x", export … from "x", across lines
    /\bimport\s*["']([^"']+)["']/g, // import "x"
    /\bimport\s*\(\s*["']([^"']+)["']/g, // import("x")
    /\brequire\s*\(\s*["']([^"']+)["']/g, // require("x")
    /\bcreateRequire\s*\([^)]*\)\s*\(\s*["']([^"']+)["']/g, // createRequire(…)("x")
  ];
  return specifiers.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

const isIoModule = (specifier: string) => IO_MODULES.has(specifier.replace(/^node:/, ""));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe("the stages do no I/O", () => {
  const files = PURE_STAGES.flatMap((stage) => sourceFiles(join(ROOT, "src", stage)));

  it("scans every source file of src/score, src/validate, src/render and src/load, subfolders too", () => {
    const names = files.map((f) => relative(ROOT, f).split("\\").join("/"));
    for (const stage of PURE_STAGES) expect(names.some((n) => n.startsWith(`src/${stage}/`))).toBe(true);
    expect(names.some((n) => n.startsWith("src/score/criteria/"))).toBe(true);
  });

  it("no file under them imports fs, fs/promises or child_process", () => {
    const offenders = files.flatMap((f) =>
      importedModules(readFileSync(f, "utf8"))
        .filter(isIoModule)
        .map((m) => `${relative(ROOT, f)} imports ${m}: move the I/O to src/io, src/cli or scripts/`),
    );
    expect(offenders).toEqual([]);
  });

  it("the generators of docs and of the font table live in scripts/, not in a stage", () => {
    const scripts = readdirSync(join(ROOT, "scripts")).sort();
    expect(scripts).toEqual(["write-field-reference.ts", "write-fonts-coverage.ts", "write-methodology.ts"]);
    for (const s of scripts)
      expect(importedModules(readFileSync(join(ROOT, "scripts", s), "utf8")).some((m) => m.startsWith("../src/"))).toBe(true);
  });
});

describe("the import scan", () => {
  it("finds every way a file can reach fs or child_process", () => {
    const hostile = [
      `import { readFileSync } from "node:fs";`,
      `import {\n  writeFile,\n  mkdir,\n} from 'fs/promises';`,
      `import * as cp from "child_process";`,
      `import "node:fs";`,
      `export { readFileSync } from "fs";`,
      `export * from "node:fs/promises";`,
      `const fs = await import( "node:fs" );`,
      `const { spawn } = require("node:child_process");`,
      `const fs = createRequire(import.meta.url)('fs');`,
      `import type { Stats } from"node:fs";`,
    ];
    for (const source of hostile) expect(importedModules(source).filter(isIoModule), source).toHaveLength(1);
  });

  it("lets pure modules through", () => {
    const fine = [
      `import { join } from "node:path";`,
      `import { parse } from "yaml";`,
      `import { fsPath } from "./fs-path.ts";`,
      `import rubric from "../fs/rubric.json" with { type: "json" };`,
      `const x = "from fs"; // the words, not an import`,
    ];
    for (const source of fine) expect(importedModules(source).filter(isIoModule), source).toEqual([]);
  });
});
