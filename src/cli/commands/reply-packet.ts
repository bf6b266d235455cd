import { readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, UserError } from "../../errors.ts";
import { readConfig, replyDays } from "../../io/config.ts";
import { readLanguage } from "../../io/languages.ts";
import { catalogueLanguages } from "../../io/messages.ts";
import { readDataFile, readFailedMessage, writeFileAtomic } from "../../io/files.ts";
import { gitInfoAll } from "../../io/git.ts";
import { readTheme } from "../../io/theme.ts";
import { MAX_FILE_CHARS } from "../../load/load.ts";
import { addDays } from "../../model.ts";
import { ensureBrowser } from "../../pdf/browser.ts";
import { launchBrowser, lockDown, printPdf } from "../../pdf/print.ts";
import { check, renderDocument, renderReplyPacket } from "../../pipeline.ts";
import { compileReplyPacket } from "../../render/documents.ts";
import { compileTheme } from "../../render/render.ts";
import { formatDate as formatDateIn } from "../../i18n/message.ts";
import { parseRubric } from "../../score/rubric.ts";
import { RUBRIC_FILE, TEMPLATES_DIR, today, type CliIO } from "../context.ts";
import { displayName } from "../read.ts";

/** Dates in messages, as "21 August 2018"; "" for unknown. */
const formatDate = (date: string): string => formatDateIn(date, "en-GB");

const HELP = `Usage: scorecard reply-packet [options] <file>

Makes what you send to a task force before its scorecard is published, so that
it can check the draft and answer it:

  output/<name>.reply-packet.pdf  a letter from the publisher and contact in
                                  scorecard.config.yaml, with the date and the
                                  reply deadline; every criterion with its status,
                                  reason, facts and sources; every unknown as a
                                  question; and how to answer
  output/<name>.reply.yaml        a template of the answer, one entry per criterion,
                                  to paste into review: replies: once filled in

The deadline is the file's review: deadline:, else reply_days (30 unless
scorecard.config.yaml says otherwise) after review: requested:, else after today.
Once you have sent the packet, write under review: in the file
  status: sent-for-reply
  requested: <the day you sent it, as YYYY-MM-DD>

  --out DIR          where to write (default: output)
  --paper letter|a4  paper size (default: letter)
  --lang es          the letter and the draft in another language
                     (output/<name>.reply-packet.es.pdf; default: English)

Exit codes: 0 written, 1 the file has a problem, 2 internal error.`;

/** The letter's date: SOURCE_DATE_EPOCH when set (a reproducible packet), else today. */
function letterDate(env: CliIO["env"]): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString().slice(0, 10) : today(env);
}

export async function replyPacketCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "output" },
      paper: { type: "string", default: "letter" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const paper = values.paper.toLowerCase();
  if (paper !== "letter" && paper !== "a4") throw new UserError(`--paper must be letter or a4, not '${values.paper}'.`);
  if (positionals.length !== 1) {
    throw new UserError(
      `reply-packet makes the packet for one task force file at a time; name it, like: npm run scorecard -- reply-packet scorecards/<name>.yaml${positionals.length ? ` (you named ${positionals.length})` : ""}.`,
    );
  }
  const file = resolve(io.cwd, positionals[0]!);
  const shown = displayName(file, io);
  const read = readDataFile(file, MAX_FILE_CHARS);
  if ("error" in read) throw new UserError(`${shown}:1:1: ${readFailedMessage(read.error)}`);

  const rubric = parseRubric(readFileSync(RUBRIC_FILE, "utf8"));
  const config = readConfig(io.cwd);
  const days = replyDays(config);
  const checked = check(shown, "text" in read ? read.text : " ".repeat(MAX_FILE_CHARS + 1), today(io.env), {
    criteria: rubric.criteria.map((c) => c.id),
    replyDays: days,
  });
  for (const p of checked.problems) io.stderr.write(formatProblem(p) + "\n");
  if (!checked.taskForce) {
    io.stderr.write(`${shown} has problems, so no reply packet was made. Fix them and run again.\n`);
    return 1;
  }
  const tf = checked.taskForce;
  const date = letterDate(io.env);
  const deadline = tf.review.deadline ?? addDays(date, days);
  const name = basename(file, extname(file));
  const outDir = resolve(io.cwd, values.out);
  const outLabel = values.out.replace(/\/+$/, "");
  const lang = values.lang ?? "en";
  if (!catalogueLanguages().includes(lang))
    throw new UserError(`--lang names '${lang}', but the tool has words only for ${catalogueLanguages().join(", ")}.`);
  const suffix = lang === "en" ? "" : `.${lang}`;
  const pdfName = `${name}.reply-packet${suffix}.pdf`;
  const yamlName = `${name}.reply.yaml`;

  const theme = readTheme(TEMPLATES_DIR);
  const git = gitInfoAll([file]).get(file) ?? { commit: "none", dirty: false, fileDate: undefined };
  const provenance = { dataFile: shown, commit: git.commit, dirty: git.dirty, rubricVersion: rubric.version, date };
  // The letter and the draft in the language asked for; the answer file's comments stay English.
  const words = readLanguage(lang, rubric, RUBRIC_FILE);
  const built = renderDocument(tf, words.rubric, compileTheme(theme), provenance, config, [], words.messages, rubric);
  const packet = renderReplyPacket(built, words.rubric, compileReplyPacket(theme), {
    publisher: config.publisher,
    contact: config.contact,
    date,
    deadline,
    pdfName,
    yamlName,
  });

  const browser = await launchBrowser(ensureBrowser(io.env, (line) => io.stderr.write(line + "\n")));
  let pdf: Uint8Array;
  try {
    const page = await browser.newPage();
    await lockDown(page);
    pdf = await printPdf(page, packet.html, { format: paper === "a4" ? "A4" : "Letter", date });
  } finally {
    await browser.close();
  }
  writeFileAtomic(join(outDir, pdfName), pdf);
  writeFileAtomic(join(outDir, yamlName), packet.yaml);

  if (!config.contact) {
    io.stderr.write(
      `warning: scorecard.config.yaml has no contact:, so the letter asks the task force to reply to ${config.publisher}. Add a line such as contact: Jane Doe, scorecards@example.org, and make the packet again before you send it.\n`,
    );
  }
  io.stdout.write(
    [
      `Wrote ${outLabel}/${pdfName} and ${outLabel}/${yamlName}.`,
      `Send both to the task force. Then write under review: in ${shown}:`,
      "  status: sent-for-reply",
      `  requested: ${tf.review.requested ?? date}${tf.review.requested ? "" : "   (the day you send it, if not today)"}`,
      `The reply is due by ${formatDate(deadline)}. When it comes, record it under review.replies (see docs/contributing.md).`,
      "",
    ].join("\n"),
  );
  return 0;
}
