#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in name order. Each prints its own
// measurements and ratios against a baseline measured in the same run.
//
//   npm run bench                       every bench
//   npm run bench startup validate      only the benches whose names contain these words
//   npm run bench -- --n 200            options go to every bench; `--n 200` and `--n=200` alike
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const all = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
const names = all.map((f) => f.replace(/\.bench\.ts$/, ""));

// An option's value may follow it as the next word (`--n 200`). A word that names a bench is
// a bench to run, not a value, unless it follows an option that takes one.
const args = process.argv.slice(2);
const only = [];
const options = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg.startsWith("--")) {
    options.push(arg);
    const next = args[i + 1];
    if (
      !arg.includes("=") &&
      !arg.startsWith("--no-") &&
      next !== undefined &&
      !next.startsWith("--") &&
      !names.some((n) => n.includes(next))
    ) {
      options.push(next);
      i++;
    }
  } else {
    only.push(arg);
  }
}
const unknown = only.filter((o) => !names.some((n) => n.includes(o)));
if (unknown.length) {
  process.stderr.write(`bench: no bench is named ${unknown.map((u) => `'${u}'`).join(" or ")}. The benches are: ${names.join(", ")}.\n`);
  process.exit(1);
}
const files = all.filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(root, "bench", f), ...options], {
    stdio: "inherit",
    cwd: root,
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
