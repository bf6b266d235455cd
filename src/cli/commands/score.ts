import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, UserError } from "../../errors.ts";
import { readConfig, replyDays } from "../../io/config.ts";
import { scoresJson, type ScoredFile } from "../../score/export.ts";
import { parseRubric } from "../../score/rubric.ts";
import { score } from "../../score/score.ts";
import type { ScoreCard } from "../../score/types.ts";
import { statusLabel } from "../../render/view.ts";
import { RUBRIC_FILE, type CliIO } from "../context.ts";
import { displayName, readAndCheck, resolveInputs } from "../read.ts";

const HELP = `Usage: scorecard score [--json] [--rubric FILE] [paths]

Scores task force files against the rubric and prints each criterion's status,
points and reason. With no paths, scores scorecards/*.yaml.

  --json          print the scores as JSON, exactly as output/scores.json holds them
  --rubric FILE   score with another rubric file (to try a change of weights)`;

const pct = (share: number) => `${Math.round(share * 10000) / 100}%`;

/** The plain-text report for one scorecard. Pure. */
export function formatCard(file: string, card: ScoreCard): string {
  const lines = [
    `${card.name} (${file})`,
    `  Grade ${card.grade}: ${card.points} of ${card.scoredMaxPoints} points that had data (${card.percent}%).`,
    `  Coverage ${pct(card.coverage)}: data for ${card.scoredMaxPoints} of the rubric's ${card.maxPoints} points. Rubric version ${card.rubricVersion}.`,
  ];
  for (const c of card.criteria)
    lines.push(
      `  - ${c.title}: ${statusLabel[c.status]} (${c.status === "unknown" ? "not scored" : `${c.points} of ${c.weight}`}). ${c.reason}`,
    );
  return lines.join("\n") + "\n";
}

function readRubric(path: string | undefined, io: CliIO) {
  const file = path ? (isAbsolute(path) ? path : join(io.cwd, path)) : RUBRIC_FILE;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UserError(`cannot read the rubric file ${path ?? file}. Check the path.`);
  }
  return parseRubric(text, displayName(file, io));
}

export function scoreCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, rubric: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const rubric = readRubric(values.rubric, io);
  const results = readAndCheck(resolveInputs(positionals, io), io, {
    criteria: rubric.criteria.map((c) => c.id),
    replyDays: replyDays(readConfig(io.cwd)),
  });
  let failed = false;
  const scored: ScoredFile[] = [];
  for (const r of results) {
    if (!r.taskForce) {
      failed = true;
      for (const p of r.problems) io.stderr.write(formatProblem(p) + "\n");
      continue;
    }
    const card = score(r.taskForce, rubric);
    scored.push({ file: r.loaded.file, card });
    if (!values.json) io.stdout.write(formatCard(r.loaded.file, card));
  }
  if (values.json) io.stdout.write(scoresJson(scored));
  return failed ? 1 : 0;
}
