import { appendFileSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { compare } from "../../diff/compare.ts";
import { formatJson, formatMarkdown, formatText } from "../../diff/format.ts";
import { defaultBase, readRevision, readWorkingTree, repoRoot, resolveRef, revisionLabel } from "../../diff/git.ts";
import { postPullRequestComment } from "../../diff/github.ts";
import { messagesFor } from "../../io/messages.ts";
import { RUBRIC_FILE, today, type CliIO } from "../context.ts";

const HELP = `Usage: scorecard diff [--base REF] [--head REF] [--format markdown|json|text]

Shows what a change does to each scorecard: the grade before and after, every
criterion that moved and the facts behind it, and facts that changed without
moving the score. It reads old versions through git; nothing is checked out.

  --base REF     what to compare against (default: where this branch left main;
                 on main itself, the last commit)
  --head REF     the new version (default: the files as they are on disk now)
  --format F     text (the default), markdown or json
  --summary      also add the markdown to the GitHub Actions job summary
  --comment      also post the markdown as a pull-request comment, or update the
                 one posted before (GitHub Actions only; skipped when the token
                 cannot write, as in pull requests from forks)

A change to rubric/rubric.yaml is reported for every scorecard.`;

export async function diffCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string", default: "text" },
      summary: { type: "boolean" },
      comment: { type: "boolean" },
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
  const root = repoRoot(io.cwd);
  const toolRubric = readFileSync(RUBRIC_FILE, "utf8");
  const headCommit = values.head === undefined ? undefined : resolveRef(root, values.head);
  const base = values.base === undefined ? defaultBase(root, io.env, headCommit) : { commit: resolveRef(root, values.base), label: "" };
  if (values.base !== undefined) base.label = revisionLabel(values.base, base.commit!);
  const headSide = headCommit
    ? readRevision(root, { commit: headCommit, label: revisionLabel(values.head!, headCommit) }, toolRubric)
    : readWorkingTree(root, toolRubric);
  const model = compare(readRevision(root, base, toolRubric), headSide, today(io.env));

  // The diff is in English, worded as the English index and summary word the score.
  const words = messagesFor("en");
  io.stdout.write(format === "json" ? formatJson(model) : format === "markdown" ? formatMarkdown(model, words) : formatText(model, words));
  if (values.summary || values.comment) {
    const md = formatMarkdown(model, words);
    if (values.summary) {
      if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, md + "\n");
      else io.stderr.write("scorecard: --summary has no effect outside GitHub Actions (GITHUB_STEP_SUMMARY is not set).\n");
    }
    if (values.comment) io.stderr.write((await postPullRequestComment(md, io.env)) + "\n");
  }
  return 0;
}
