import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatProblemsGrouped, type Problem } from "../../errors.ts";
import { readConfig, replyDays } from "../../io/config.ts";
import { RUBRIC_FILE, type CliIO } from "../context.ts";
import { checkInputs, readInputs, resolveInputs } from "../read.ts";
import type { Validated } from "../../validate/validate.ts";

const HELP = `Usage: scorecard validate [--strict] [--format text|github|json] [paths]

Checks task force files and reports every problem in every file at once,
as file:line:col: message. With no paths, checks scorecards/*.yaml.
Warnings (such as a source that no fact cites) do not make a file invalid.
A warning that several files share is printed once, at its first location,
with the number of files that have it (--format github and json list each).

  --strict          check for a release: every warning counts as an error (such
                    as a citation of a real task force's fact without the
                    source's own words), and a scorecard that is not published
                    (still a draft) is refused. Run it before publishing.
  --format text     plain lines (the default)
  --format github   GitHub Actions annotations, shown on the changed lines of a pull request
  --format json     machine-readable results (see below)

Exit codes: 0 every file is valid, 1 a file has errors, 2 internal error.

JSON format (version 1; fields are only ever added, never renamed or removed):
  { "format": 1, "valid": true|false,
    "summary": { "files": n, "invalid": n, "errors": n, "warnings": n },
    "files": [ { "file": "path", "valid": true|false, "errors": n, "warnings": n,
                 "problems": [ { "file", "line", "col", "severity": "error"|"warning",
                                 "code", "message" } ] } ] }
Lines and columns count from 1. Codes are stable names, such as schema-enum.`;

/** GitHub's workflow-command escaping for annotation properties and messages. */
const ghEscape = (s: string, property = false) => {
  let out = s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  if (property) out = out.replace(/:/g, "%3A").replace(/,/g, "%2C");
  return out;
};

export function formatGithub(p: Problem): string {
  return `::${p.severity} file=${ghEscape(p.file, true)},line=${p.line},col=${p.col},title=${ghEscape(p.code, true)}::${ghEscape(p.message)}`;
}

const count = (problems: readonly Problem[], severity: Problem["severity"]) => problems.filter((p) => p.severity === severity).length;

/** The --format json document. Its shape is documented in HELP and only ever grows. */
export function jsonReport(results: readonly Validated[]) {
  const files = results.map((r) => ({
    file: r.loaded.file,
    valid: count(r.problems, "error") === 0,
    errors: count(r.problems, "error"),
    warnings: count(r.problems, "warning"),
    // Fixed key order, so that output diffs cleanly between runs.
    problems: r.problems.map((p) => ({ file: p.file, line: p.line, col: p.col, severity: p.severity, code: p.code, message: p.message })),
  }));
  return {
    format: 1,
    valid: files.every((f) => f.valid),
    summary: {
      files: files.length,
      invalid: files.filter((f) => !f.valid).length,
      errors: files.reduce((n, f) => n + f.errors, 0),
      warnings: files.reduce((n, f) => n + f.warnings, 0),
    },
    files,
  };
}

/** Thrown while checking a file that needs the rubric's criteria before the rubric is read. */
class RubricNeeded extends Error {}

export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const format = values.format;
  if (format !== "text" && format !== "github" && format !== "json") {
    io.stderr.write(`scorecard: --format must be text, github or json, not '${format}'.\n`);
    return 1;
  }
  // A reply's about: must name a criterion of the rubric. Reading the rubric loads every
  // criterion, which takes longer than checking a file, and most files have no replies: so
  // the files are checked without it, and checked again with it only if one of them asks.
  let criteria: string[] | undefined;
  const options = {
    criteria: () =>
      criteria ??
      (() => {
        throw new RubricNeeded("the rubric's criteria are needed");
      })(),
    replyDays: replyDays(readConfig(io.cwd)),
    strict: values.strict,
  };
  const inputs = readInputs(resolveInputs(positionals, io), io);
  let results: Validated[];
  try {
    results = checkInputs(inputs, io, options);
  } catch (error) {
    if (!(error instanceof RubricNeeded)) throw error;
    const { parseRubric } = await import("../../score/rubric.ts");
    criteria = parseRubric(readFileSync(RUBRIC_FILE, "utf8")).criteria.map((c) => c.id);
    results = checkInputs(inputs, io, options);
  }
  const invalid = results.filter((r) => r.problems.some((p) => p.severity === "error"));
  if (format === "json") {
    io.stdout.write(JSON.stringify(jsonReport(results), null, 2) + "\n");
  } else {
    const problems = results.flatMap((r) => r.problems);
    // Annotations are per line; a person reads a warning that many files share once.
    const lines = format === "github" ? problems.map(formatGithub) : formatProblemsGrouped(problems);
    for (const line of lines) io.stdout.write(line + "\n");
    if (format === "text") {
      const errors = results.reduce((n, r) => n + count(r.problems, "error"), 0);
      const warnings = results.reduce((n, r) => n + count(r.problems, "warning"), 0);
      // When warnings were grouped, say how many lines stand for them.
      const shownWarnings = lines.length - problems.filter((p) => p.severity === "error").length;
      const grouped = shownWarnings < warnings ? `, shown as ${shownWarnings} line(s) because many files share them` : "";
      const also = warnings ? ` and ${warnings} warning(s)${grouped}` : "";
      io.stderr.write(
        invalid.length === 0
          ? `${results.length} file(s) checked: all valid${warnings ? ` (${warnings} warning(s)${grouped})` : ""}.\n`
          : `${results.length} file(s) checked: ${invalid.length} with errors (${errors} error(s)${also} in all).\n`,
      );
    }
  }
  return invalid.length === 0 ? 0 : 1;
}
