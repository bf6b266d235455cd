import { readFileSync } from "node:fs";
import { check } from "./src/pipeline.ts";
const f = process.argv[2]!;
for (const p of check(f, readFileSync(f, "utf8"), "2026-11-29").problems) console.log(`${p.line}:${p.col} ${p.severity} ${p.code}: ${p.message}`);
