// `npm run bench validate`: the time to load and validate 1,000 generated task force files,
// as a ratio against parsing the same texts with `yaml` alone. Target: at most 2×.
//
//   yaml alone   yaml.parse(text) for every file: the floor, since we must parse too
//   validate     our load + validate (schema and every rule beyond it), in this process, warm
//   worst case   the slowest of the hostile inputs in tests/validate/property.test.ts
//
// Files are written to a temporary folder and read back once; timing covers work on the
// texts only, not the disk. Each figure is the median of several rounds after a warm-up.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { check } from "../src/pipeline.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: false,
  options: { files: { type: "string", default: "1000" }, rounds: { type: "string", default: "5" } },
});
const N = Number(values.files);
const ROUNDS = Number(values.rounds);
const TODAY = "2026-11-29";
const TARGET = 2;

/** A small seeded generator, so that every run measures the same files. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const SECTORS = [
  "law-enforcement",
  "prosecution",
  "federal-agency",
  "victim-service-provider",
  "survivor-led",
  "sex-worker-led",
  "faith-based",
  "unknown",
];
const TYPES = ["sting-selling-sex", "buyer-sting", "trafficker-investigation", "outreach", "multiple"];

/** One fictional task force file, sized like a real one (a few hundred lines). */
function scorecard(i: number): string {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const n = (max: number) => Math.floor(r() * max);
  const yn = () => pick(["yes", "no", "unknown"]);
  const count = (max: number) => (r() < 0.2 ? "unknown" : n(max));
  const sources = Array.from({ length: 2 + n(6) }, (_, k) => `example-${i}-source-${k}`);
  const cite = () => `[${sources[n(sources.length)]}]`;
  const members = Array.from({ length: 3 + n(25) }, (_, k) =>
    [
      `    - name: Example Organisation ${i}-${k}`,
      `      sector: ${pick(SECTORS)}`,
      `      role: ${pick(["lead", "voting-member", "advisory", "partner", "unknown"])}`,
      `      votes: ${yn()}`,
      `      sources: ${cite()}`,
    ].join("\n"),
  );
  const operations = Array.from({ length: 1 + n(8) }, (_, k) => {
    const total = 20 + n(200);
    const selling = n(10);
    const buying = n(10);
    return [
      `  - name: Example operation ${k}`,
      `    date: 20${10 + n(14)}-0${1 + n(9)}-1${n(9)}`,
      `    places: [Example City ${n(20)}, Example Town ${n(20)}]`,
      `    type: ${pick(TYPES)}`,
      `    officers_deployed: ${count(100)}`,
      `    arrests:`,
      `      total: ${total}`,
      `      selling_sex: ${selling}`,
      `      buying_sex: ${buying}`,
      `      trafficking: ${n(5)}`,
      `    victims_identified: ${count(10)}`,
      `    referred_to_services: ${n(10)}`,
      `    services_conditional_on_arrest: ${yn()}`,
      `    sources: ${cite()}`,
      `    note: >-\n      A fictional operation described in a fictional source, with a note long\n      enough to look like the notes in real files.`,
    ].join("\n");
  });
  const policy = (id: string) => {
    const status = yn();
    return `  ${id}: { status: ${status}${status === "unknown" ? "" : `, sources: ${cite()}`} }`;
  };
  return [
    "# yaml-language-server: $schema=../schemas/task-force.schema.json",
    `# FICTIONAL. Generated for the validate benchmark; no such task force exists.`,
    "schema_version: 1",
    "fictional: yes",
    `name: Example County ${i} Task Force`,
    "jurisdiction:",
    `  county: Example County ${i}`,
    "  country: United States",
    "review:",
    "  status: draft",
    "  last_reviewed: 2025-01-01",
    "membership:",
    "  members:",
    ...members,
    "representation:",
    `  survivor_led_seats: unknown`,
    `  sex_worker_led_seats: unknown`,
    `  targeted_community_seats: unknown`,
    `  seats_vote: ${yn()}`,
    `  meetings_public: ${yn()}`,
    `  minutes_public: ${yn()}`,
    `  sources: ${cite()}`,
    "operations:",
    ...operations,
    "policies:",
    ...[
      "non_arrest_of_people_selling_sex",
      "non_punishment_of_victims",
      "no_condoms_as_evidence",
      "services_without_arrest_or_cooperation",
      "low_barrier_services",
      "immigration_protections",
      "publishes_data_by_charge",
      "community_oversight",
      "collateral_consequences_support",
    ].map(policy),
    "sources:",
    ...sources.map((id, k) =>
      [
        `  - id: ${id}`,
        `    title: Example report ${k} (fictional)`,
        `    publisher: Example Gazette`,
        `    date: 2024-0${1 + n(9)}-0${1 + n(9)}`,
        `    url: https://example.org/${id}`,
        `    type: ${pick(["news", "report", "government", "task-force"])}`,
      ].join("\n"),
    ),
    "",
  ].join("\n");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const dir = mkdtempSync(join(tmpdir(), "scorecard-validate-bench-"));
try {
  for (let i = 0; i < N; i++) writeFileSync(join(dir, `example-${String(i).padStart(4, "0")}.yaml`), scorecard(i));
  const files = readdirSync(dir)
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
  const chars = files.reduce((sum, f) => sum + f.text.length, 0);
  const lines = files.reduce((sum, f) => sum + f.text.split("\n").length, 0);

  // Every generated file must be valid, or the benchmark would time the error path instead.
  const invalid = files.map((f) => check(f.name, f.text, TODAY)).filter((r) => r.problems.some((p) => p.severity === "error"));
  if (invalid.length) {
    console.error(`bench: ${invalid.length} generated file(s) are invalid, first: ${JSON.stringify(invalid[0]!.problems.slice(0, 3))}`);
    process.exit(1);
  }

  const yamlOnly = () => {
    for (const f of files) parse(f.text);
  };
  // yaml's default duplicate-key check compares every key with every other; we check with a Set.
  const yamlNoDupCheck = () => {
    for (const f of files) parse(f.text, { uniqueKeys: false });
  };
  const ours = () => {
    for (const f of files) check(f.name, f.text, TODAY);
  };
  // Warm up both, then interleave rounds so that neither gets the quieter half of the run.
  yamlOnly();
  ours();
  yamlNoDupCheck();
  const base: number[] = [];
  const bare: number[] = [];
  const mine: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    base.push(time(yamlOnly));
    (globalThis as { gc?: () => void }).gc?.();
    bare.push(time(yamlNoDupCheck));
    (globalThis as { gc?: () => void }).gc?.();
    mine.push(time(ours));
  }
  const b = median(base);
  const m = median(mine);
  const u = median(bare);
  const ratio = m / b;

  const hostile: Record<string, string> = {
    "billion laughs": Array.from({ length: 10 }, (_, i) =>
      i === 0
        ? 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
        : `a${i}: &a${i} [${Array(9)
            .fill(`*a${i - 1}`)
            .join(",")}]`,
    ).join("\n"),
    "deep flow nesting": "a: " + "[".repeat(200_000) + "]".repeat(200_000),
    "huge plain key": "k".repeat(900_000) + ": 1",
    "40,000 keys": Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join("\n"),
    "1 MB of text": "a: " + "x".repeat(999_990),
  };
  const worst = Object.entries(hostile)
    .map(([name, text]) => ({ name, ms: time(() => check("hostile.yaml", text, TODAY)) }))
    .sort((x, y) => y.ms - x.ms);

  const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(
    `${N} generated files, ${lines.toLocaleString("en-US")} lines, ${(chars / 1e6).toFixed(1)} MB; median of ${ROUNDS} warm rounds`,
  );
  console.log(`  yaml alone (parse)          ${fmt(b)}   ${(b / N).toFixed(2)} ms a file`);
  console.log(`  yaml, no duplicate check    ${fmt(u)}   (ours vs this: ${(m / u).toFixed(2)}×)`);
  console.log(`  load + validate (ours)      ${fmt(m)}   ${(m / N).toFixed(2)} ms a file`);
  console.log(`  ratio                       ${ratio.toFixed(2)}×   (target ≤ ${TARGET}×: ${ratio <= TARGET ? "met" : "MISSED"})`);
  console.log(`  slowest hostile input       ${fmt(worst[0]!.ms)}   (${worst[0]!.name}; all ${worst.length} end in located errors)`);
  if (ratio > TARGET) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
