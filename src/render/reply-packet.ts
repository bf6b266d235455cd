// The reply packet: the draft scorecard sent to the task force before publication, with a
// cover letter, every criterion and its evidence, every unknown as a question, and a YAML
// template of the answer that can be pasted into the file's review.replies. Pure.
import { stringify } from "yaml";
import type { TaskForce } from "../model.ts";
import { format, formatDate as formatDateIn, msg, type Messages, type Value } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import type { Rubric, ScoreCard } from "../score/types.ts";
import { clipText, hearingQuestion } from "./hearing.ts";
import type { View } from "./render.ts";

/** Dates as the English catalogue writes them ("21 August 2018"); "" for unknown. The answer template is in English. */
const formatDate = (date: string): string => formatDateIn(date, messagesFor("en").locale);

const say = (messages: Messages, id: string, values?: Record<string, Value>): string => format(messages, msg(id, values));

export interface PacketOptions {
  publisher: string;
  /** Who receives the reply (scorecard.config.yaml's contact); the publisher when there is none. */
  contact: string | undefined;
  /** The letter's date, YYYY-MM-DD. */
  date: string;
  /** The day the reply is due, YYYY-MM-DD. */
  deadline: string;
  /** The file names of the packet and of the reply template, as the letter names them. */
  pdfName: string;
  yamlName: string;
}

/**
 * The packet's data: the scorecard's view, with the letter and the instructions, in the
 * scorecard's language (`view.messages`; the templates' {{t}} words the letter).
 */
export function replyPacketView(view: View, rubric: Rubric | undefined, options: PacketOptions) {
  const messages = view.messages;
  const date = formatDateIn(options.date, messages.locale) || options.date;
  const deadline = formatDateIn(options.deadline, messages.locale) || options.deadline;
  const replyTo = options.contact ?? options.publisher;
  return {
    ...view,
    title: say(messages, "packet.title", { name: view.name }),
    letter: {
      from: options.publisher,
      contact: options.contact ?? "",
      replyTo,
      date,
      deadline,
      rubric: rubric
        ? say(messages, "packet.rubric", { title: rubric.title, version: rubric.version })
        : say(messages, "packet.rubric-version", { version: view.provenance.rubricVersion }),
      count: view.criteria.length,
      questions: view.hearing.questions.length,
      pdfName: options.pdfName,
      yamlName: options.yamlName,
    },
    margins: {
      top: clipText(say(messages, "packet.margin-top", { name: view.name, fictional: view.fictional ? "yes" : "no" }), 110),
      topRight: say(messages, "packet.margin-draft"),
      provenance: view.margins.provenance,
      pageOf: view.margins.pageOf,
    },
    info: {
      ...view.info,
      title: say(messages, "packet.info-title", { name: view.name }),
      subject: say(messages, "packet.info-subject", { name: view.name, deadline }),
    },
  };
}

export type ReplyPacketView = ReturnType<typeof replyPacketView>;

/** Text made safe for one comment line: no line breaks, nothing that could end the comment. */
// eslint-disable-next-line no-control-regex -- removing control characters is what this does
const comment = (text: string, max = 300) => clipText(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " "), max);

/** Wraps a comment at about 88 characters, each line starting with the indent and "# ". */
function commentLines(text: string, indent: string): string[] {
  const words = comment(text, 2000).split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + w.length + 1 > 86 - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

/**
 * The answer template, output/<name>.reply.yaml: one entry per criterion (and one for the
 * scorecard as a whole), each with the draft's status and reason as comments. It parses as
 * YAML; once filled in, its entries go under review.replies in the task force's file.
 */
export function replyTemplate(tf: TaskForce, card: ScoreCard, rubric: Rubric | undefined, options: PacketOptions): string {
  const byId = new Map((rubric?.criteria ?? []).map((c) => [c.id, c]));
  const sourceId = `reply-${options.date}`;
  const out: string[] = [
    ...commentLines(
      `The task force's answer to the draft scorecard of ${tf.name}, sent on ${formatDate(options.date) || options.date}. Please reply by ${formatDate(options.deadline) || options.deadline}, to ${options.contact ?? options.publisher}.`,
      "",
    ),
    "#",
    "# How to fill it in: for each criterion you answer, write the date of your answer, who you are",
    "# (a name and a role), whether you agree with the draft (yes, no or partly), and your answer in",
    "# your own words under text:, indented like the example line. Delete the entries you do not",
    "# answer. A letter or an email with the same answers is just as good.",
    "#",
    "# For the scorecard's editors: paste the filled-in entries under `replies:` in the review:",
    "# section of the task force's file, with every line indented by two spaces. Add the letter or",
    `# email that carried them under sources: (id: ${sourceId}, type: task-force-reply), and check`,
    "# the file with npm run scorecard -- validate. A reply changes no fact by itself: to accept its",
    "# evidence, edit the facts and cite the reply as their source.",
  ];
  const entry = (about: string, heading: string[]) => {
    out.push("", ...heading);
    out.push(`- about: ${stringify(about).trimEnd()}`);
    out.push("  date:      # the date of your answer, as YYYY-MM-DD");
    out.push("  from:      # who is answering: a name and a role");
    out.push("  agrees:    # yes, no or partly: do you agree with this part of the draft?");
    out.push("  text: |-");
    out.push("    Write your answer here, in your own words, indented by four spaces like this line.");
    out.push(`  sources: [${sourceId}]`);
  };
  for (const c of card.criteria) {
    const status =
      c.status === "unknown"
        ? "Unknown: no source we found says"
        : `${{ met: "Met", "partly-met": "Partly met", "not-met": "Not met" }[c.status]}, ${c.points} of ${c.weight} points`;
    const heading = [...commentLines(`${c.title}. Draft: ${status}.`, ""), ...commentLines(`Why: ${c.reason}`, "")];
    if (c.status === "unknown") heading.push(...commentLines(`Question: ${hearingQuestion(byId.get(c.id), c.question)}`, ""));
    entry(c.id, heading);
  }
  entry("general", ["# The scorecard as a whole: anything the entries above do not cover."]);
  return out.join("\n") + "\n";
}
