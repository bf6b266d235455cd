#!/usr/bin/env node
// Compiles the TypeScript in src/ to dist/ with tsc, so that the bin starts without a
// compiler. `node bin/compile.js` (npm run compile, run by npm ci through prepare) compiles;
// bin/scorecard.js calls ensureCompiled() at every start, which compiles again only when
// src/, schemas/ or the tsconfig files changed since dist/ was made, so a stale dist/ never runs.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".fingerprint");
const LOCK = join(ROOT, "dist.lock");
const INPUTS = ["src", "schemas", "tsconfig.json", "tsconfig.build.json", "bin/compile.js", "bin/precompile-schemas.js"];

/**
 * The name, size and modification time of every input, a line each: cheap to take (stat
 * only, no reads). Entries come in the order the folder lists them, which stays the same
 * while the folder does not change (and when it changes, so does the fingerprint).
 */
export function fingerprint(root = ROOT) {
  let lines = "";
  const file = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat) lines += `${path.slice(root.length)}\t${stat.size}\t${stat.mtimeMs}\n`;
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else file(join(dir, entry.name));
    }
  };
  for (const input of INPUTS) (input.includes(".") ? file : walk)(join(root, input));
  return lines;
}

export function isFresh() {
  try {
    return readFileSync(STAMP, "utf8") === fingerprint();
  } catch {
    return false;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Compiles when dist/ is missing or older than the sources. Returns what it did. */
export async function ensureCompiled({ log = (line) => process.stderr.write(line + "\n") } = {}) {
  if (isFresh()) return "fresh";
  return compile({
    log,
    reason: existsSync(STAMP) ? "the sources in src/ changed since they were last compiled" : "it has not been compiled yet",
  });
}

/** Compiles src/ into a fresh folder with tsc, then puts it in place of dist/ in one step. */
export async function compile({ log = (line) => process.stderr.write(line + "\n"), reason } = {}) {
  // Loaded only to compile: a start with dist/ up to date needs neither.
  const { spawnSync } = await import("node:child_process");
  const { createRequire } = await import("node:module");

  if (!takeLock()) {
    // Another process is compiling: wait for it, then use what it made.
    for (let waited = 0; waited < 180_000 && existsSync(LOCK); waited += 200) sleep(200);
    if (isFresh()) return "fresh";
    if (!takeLock())
      throw new CompileError(
        `another scorecard command is still compiling the tool (the folder ${LOCK} exists). Wait for it to finish, or delete that folder if no other command is running.`,
      );
  }
  try {
    if (reason) log(`scorecard: compiling the tool into dist/, because ${reason} (this takes a few seconds)...`);
    let tsc;
    try {
      tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    } catch {
      throw new CompileError(
        "the compiled tool in dist/ is missing or out of date, and TypeScript is not installed to compile it. Run `npm ci` in the tool's folder.",
      );
    }
    const stamp = fingerprint();
    const out = join(ROOT, `dist.tmp-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (!existsSync(join(out, "src", "cli", "main.js"))) {
      rmSync(out, { recursive: true, force: true });
      throw new CompileError(`TypeScript could not compile the tool:\n${result.stdout}${result.stderr}`);
    }
    // tsc emits only what is imported; data files that the code reads beside itself come too.
    copyData(join(ROOT, "src"), join(out, "src"));
    // The JSON Schemas' validators, compiled now rather than at every start.
    const schemas = spawnSync(process.execPath, [join(ROOT, "bin", "precompile-schemas.js"), out, DIST], { cwd: ROOT, encoding: "utf8" });
    if (schemas.status !== 0) {
      rmSync(out, { recursive: true, force: true });
      throw new CompileError(`the schemas' validators could not be compiled. This is a bug in the scorecard tool:\n${schemas.stderr}`);
    }
    writeFileSync(join(out, ".fingerprint"), stamp);
    rmSync(DIST, { recursive: true, force: true });
    renameSync(out, DIST);
    if (result.status !== 0)
      log(`scorecard: the tool compiled, with type errors (run \`npm run typecheck\` to see them):\n${result.stdout}`);
    return "compiled";
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function copyData(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const path = join(from, entry.name);
    if (entry.isDirectory()) copyData(path, join(to, entry.name));
    else if (entry.name.endsWith(".json")) {
      mkdirSync(to, { recursive: true });
      cpSync(path, join(to, entry.name));
    }
  }
}

function takeLock() {
  try {
    mkdirSync(LOCK);
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    // A lock left by a compile that was killed: older than five minutes.
    const stat = statSync(LOCK, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 300_000) {
      rmSync(LOCK, { recursive: true, force: true });
      return takeLock();
    }
    return false;
  }
}

export class CompileError extends Error {}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await compile({
      log: () => {
        /* quiet: npm's prepare step prints no type errors; npm run typecheck shows them */
      },
    });
  } catch (error) {
    process.stderr.write(`scorecard: ${error instanceof CompileError ? error.message : error.stack}\n`);
    process.exitCode = 1;
  }
}
