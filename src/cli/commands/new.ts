import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import schema from "../../../schemas/task-force.schema.json" with { type: "json" };
import { UserError, formatProblem } from "../../errors.ts";
import { check } from "../../pipeline.ts";
import { scaffold, slugify } from "../../scaffold/scaffold.ts";
import { TOOL_ROOT, today, type CliIO } from "../context.ts";
import { displayName } from "../read.ts";

const HELP = `Usage: scorecard new "<task force name>" [--dir scorecards]

Starts a file for a new task force, such as scorecards/example-county-task-force.yaml.
Every field is there, set to unknown, with a line explaining it. Replace an
unknown only with what a published source states.`;

const MAX_NAME = 300;

export function newCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: "string", default: "scorecards" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError(`give the task force's name in quotes, such as: scorecard new "Example County Human Trafficking Task Force"`);
  const name = positionals[0]!.trim();
  // eslint-disable-next-line no-control-regex -- finding control characters in the name is what this check is for
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new UserError("the name holds a line break or another control character. Write it on one line.");
  if (name.length > MAX_NAME) throw new UserError(`the name is ${name.length} characters long; keep it under ${MAX_NAME}.`);
  const slug = slugify(name);
  if (!slug)
    throw new UserError(
      `the name '${name}' has no letters or digits to make a file name from. Write the task force's name, such as "Example County Task Force".`,
    );

  const dir = resolve(io.cwd, values.dir);
  const file = join(dir, `${slug}.yaml`);
  const shown = displayName(file, io);
  for (const existing of [file, join(dir, `${slug}.yml`)]) {
    if (existsSync(existing))
      throw new UserError(
        `${displayName(existing, io)} already exists, and new never overwrites a file. Edit that file, or choose another name.`,
      );
  }
  const schemaRef = relative(dirname(file), join(TOOL_ROOT, "schemas", "task-force.schema.json"))
    .split("\\")
    .join("/");
  const text = scaffold(schema, { name, schemaRef });
  // The new file must validate as written; if it does not, the scaffold is out of step with the schema.
  const errors = check(shown, text, today(io.env)).problems.filter((p) => p.severity === "error");
  // Except where the name itself is the problem (a character no font has, an invisible control):
  // then it is the user's to change, and the checks' own words say how.
  const nameLine = text.split("\n").findIndex((line) => line.startsWith("name:")) + 1;
  if (errors.length && errors.every((p) => p.line === nameLine))
    throw new UserError(`the name cannot be used as it is: ${errors.map((p) => p.message).join(" ")}`);
  if (errors.length) throw new Error(`the new file would not validate (this is a bug):\n${errors.map(formatProblem).join("\n")}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new UserError(`${shown} already exists, and new never overwrites a file. Edit that file, or choose another name.`);
    throw error;
  }
  io.stdout.write(
    [
      `Wrote ${shown}.`,
      "Next: add each source under sources:, then replace unknown with the facts the sources state.",
      `Check it:    npm run scorecard -- validate ${shown}`,
      `Watch it:    npm run scorecard -- preview ${shown}`,
      "",
    ].join("\n"),
  );
  return 0;
}
