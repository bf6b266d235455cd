import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatProblem } from "../../errors.ts";
import { parseRubric } from "../../score/rubric.ts";
import { score } from "../../score/score.ts";
import { statusLabel } from "../../render/view.ts";
import { RUBRIC_FILE, type CliIO } from "../context.ts";
import { readAndCheck, resolveInputs } from "../read.ts";

const HELP = `Usage: scorecard score [--json] [paths]

Scores task force files against the rubric and prints each criterion's status,
points and reason. With no paths, scores scorecards/*.yaml.`;

export async function scoreCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const rubric = parseRubric(readFileSync(RUBRIC_FILE, "utf8"));
  const results = readAndCheck(resolveInputs(positionals, io), io);
  let failed = false;
  const cards = [];
  for (const r of results) {
    if (!r.taskForce) {
      failed = true;
      for (const p of r.problems) io.stderr.write(formatProblem(p) + "\n");
      continue;
    }
    const card = score(r.taskForce, rubric);
    cards.push({ file: r.loaded.file, ...card });
    if (!values.json) {
      io.stdout.write(`${card.name} (${r.loaded.file})\n  Grade ${card.grade}: ${card.points} of ${card.maxPoints} points, ${card.percent}% of scored points, coverage ${Math.round(card.coverage * 100)}%\n`);
      for (const c of card.criteria) io.stdout.write(`  - ${c.title}: ${statusLabel[c.status]} (${c.points}/${c.weight}). ${c.reason}\n`);
    }
  }
  if (values.json) io.stdout.write(JSON.stringify(cards, null, 2) + "\n");
  return failed ? 1 : 0;
}
