import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../../errors.ts";
import { formatJson, formatMarkdown, formatText } from "../../history/format.ts";
import { blobIdsOnDisk, CRITERIA_DIR, readFileHistory } from "../../history/git.ts";
import { history } from "../../history/history.ts";
import { RUBRIC_FILE, TOOL_ROOT, today, type CliIO } from "../context.ts";

const HELP = `Usage: scorecard history <file> [--format text|markdown|json]

Shows a task force's record over time: for each commit that changed its grade,
score, coverage or a criterion's status, the date, the commit, the rubric
version, the grade, the score, the coverage, and what moved it. It reads the
file's earlier versions through git (following renames); nothing is checked out.

Each version is scored by this version of the tool, with the rubric file of its
own commit. Where that rubric names criteria the tool no longer has, or the
criteria's code changed since, it says so. A version with errors is shown as
such.

  --format F   text (the default), markdown or json (one entry per commit
               that changed the score, oldest first)`;

export function historyCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const format = values.format;
  if (format !== "text" && format !== "markdown" && format !== "json") {
    io.stderr.write(`scorecard: --format must be text, markdown or json, not '${format}'.\n`);
    return 1;
  }
  if (positionals.length !== 1) {
    throw new UserError(
      positionals.length === 0
        ? "name the task force file to show the history of, such as: scorecard history scorecards/example.yaml"
        : `history shows one file at a time, not ${positionals.length}. Run it once for each file.`,
    );
  }
  const file = positionals[0]!;
  const read = readFileHistory(io.cwd, file);
  const model = history({
    file: read.path,
    versions: read.versions,
    toolRubric: readFileSync(RUBRIC_FILE, "utf8"),
    toolCriteriaCode: blobIdsOnDisk(join(TOOL_ROOT, CRITERIA_DIR)),
    today: today(io.env),
  });
  io.stdout.write(format === "json" ? formatJson(model) : format === "markdown" ? formatMarkdown(model) : formatText(model));
  return 0;
}
