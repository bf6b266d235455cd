import { parseArgs } from "node:util";
import { formatProblem, type Problem } from "../../errors.ts";
import type { CliIO } from "../context.ts";
import { readAndCheck, resolveInputs } from "../read.ts";

const HELP = `Usage: scorecard validate [--format text|github|json] [paths]

Checks task force files and reports every problem in every file at once,
as file:line:col: message. With no paths, checks scorecards/*.yaml.

  --format text     plain lines (the default)
  --format github   GitHub Actions annotations, shown on the changed lines of a pull request
  --format json     machine-readable results

Exit codes: 0 every file is valid, 1 a file has errors, 2 internal error.`;

/** GitHub's workflow-command escaping for annotation properties and messages. */
const ghEscape = (s: string, property = false) => {
  let out = s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  if (property) out = out.replace(/:/g, "%3A").replace(/,/g, "%2C");
  return out;
};

export function formatGithub(p: Problem): string {
  return `::${p.severity} file=${ghEscape(p.file, true)},line=${p.line},col=${p.col},title=${ghEscape(p.code, true)}::${ghEscape(p.message)}`;
}

export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "text" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const format = values.format;
  if (format !== "text" && format !== "github" && format !== "json") {
    io.stderr.write(`scorecard: --format must be text, github or json, not '${format}'.\n`);
    return 1;
  }
  const results = readAndCheck(resolveInputs(positionals, io), io);
  const invalid = results.filter((r) => r.problems.some((p) => p.severity === "error"));
  if (format === "json") {
    const out = { valid: invalid.length === 0, files: results.map((r) => ({ file: r.loaded.file, valid: !r.problems.some((p) => p.severity === "error"), problems: r.problems })) };
    io.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else {
    for (const r of results) for (const p of r.problems) io.stdout.write((format === "github" ? formatGithub(p) : formatProblem(p)) + "\n");
    if (format === "text") {
      const errors = results.reduce((n, r) => n + r.problems.filter((p) => p.severity === "error").length, 0);
      io.stderr.write(
        invalid.length === 0
          ? `${results.length} file(s) checked: all valid.\n`
          : `${results.length} file(s) checked: ${invalid.length} with errors (${errors} error(s) in all).\n`,
      );
    }
  }
  return invalid.length === 0 ? 0 : 1;
}
