// `npm run bench startup`: how long a command takes to start, against Node itself, measured
// in the same run. Targets (issue 11): `scorecard --help` at most 1.6× `node -e 0`, and
// `scorecard validate` on the LA file at most 2× Node loading yaml and ajv.
//
//   node -e 0          starting Node and doing nothing: the floor of any command
//   node + yaml, ajv   starting Node and loading the two libraries validation needs
//   --help             the bin that package.json names, printing its usage
//   validate LA        the same bin, validating the Los Angeles scorecard
//
// Each command runs as its own process, as a user or a pre-commit hook would run it. The
// commands take turns, round after round, so that load from other work on the machine hits
// all of them alike; each figure is the median of the rounds, after a warm-up round.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ args: process.argv.slice(2), strict: false, options: { runs: { type: "string", default: "21" } } });
const RUNS = Math.max(5, Number(values.runs) || 21);
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const BIN = join(ROOT, Object.values(pkg.bin)[0]!);
const LA = join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml");

const commands = {
  bare: ["-e", "0"],
  libraries: ["-e", "require('yaml'); require('ajv')"],
  help: [BIN, "--help"],
  validate: [BIN, "validate", LA],
} as const;
type Name = keyof typeof commands;

function once(name: Name): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, commands[name], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const names = Object.keys(commands) as Name[];
for (const name of names) once(name); // warm-up: the disk cache, and dist/ compiled if stale
const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
for (let round = 0; round < RUNS; round++) for (const name of names) times[name].push(once(name));
const m = Object.fromEntries(names.map((n) => [n, median(times[n])])) as Record<Name, number>;

const row = (label: string, value: string, note = "") => {
  console.log(`  ${label.padEnd(44)} ${value.padStart(9)}  ${note}`);
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`Start-up, median of ${RUNS} runs each (bin: ${Object.values(pkg.bin)[0]})`);
row("node -e 0", ms(m.bare), `min ${ms(Math.min(...times.bare))}`);
row("node, loading yaml and ajv", ms(m.libraries), `min ${ms(Math.min(...times.libraries))}`);
row("scorecard --help", ms(m.help), `min ${ms(Math.min(...times.help))}`);
row("scorecard validate (the LA file)", ms(m.validate), `min ${ms(Math.min(...times.validate))}`);
console.log("\nRatios (target)");
const ratio = (label: string, value: number, target: number) => {
  row(label, value.toFixed(2), `<= ${target}  ${value <= target ? "ok" : "MISSED"}`);
};
ratio("--help / node -e 0", m.help / m.bare, 1.6);
ratio("validate LA / node loading yaml and ajv", m.validate / m.libraries, 2);
