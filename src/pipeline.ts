// The stages wired together: load → validate → score → render. Each stage is pure;
// the PDF stage and all file access live at the edges (src/io, src/pdf, src/cli).
import { editionsView, NO_EDITIONS, type Edition, type EditionsView } from "./history/editions.ts";
import type { ScorecardConfig } from "./io/config.ts";
import type { Messages } from "./i18n/message.ts";
import { messagesFor } from "./io/messages.ts";
import type { TaskForce } from "./model.ts";
import { HANDOUT_LEVELS, handoutView, weightiestFacts, type HandoutOptions, type HandoutView } from "./render/hearing.ts";
import type { View } from "./render/render.ts";
import { replyPacketView, replyTemplate, type PacketOptions, type ReplyPacketView } from "./render/reply-packet.ts";
import { buildView, type DocumentInfo, type Provenance } from "./render/view.ts";
import { score } from "./score/score.ts";
import type { Rubric, ScoreCard } from "./score/types.ts";
import { criteria } from "./score/criteria/index.ts";
import type { ValidateOptions, Validated } from "./validate/validate.ts";
import { loadAndValidate } from "./validate/check.ts";

/**
 * Load and validate one file's text. Replies are checked against the criterion ids given,
 * by default every criterion the tool knows; pass the rubric's ids when there is a rubric.
 */
export function check(file: string, text: string, today: string, options: ValidateOptions = {}): Validated {
  return loadAndValidate(file, text, today, { ...options, criteria: options.criteria ?? Object.keys(criteria) });
}

export interface Built {
  taskForce: TaskForce;
  card: ScoreCard;
  html: string;
  view: View;
  /** The PDF's document properties and fixed date; pass them to printPdf. */
  pdf: { info: DocumentInfo; date: string };
  /** Its earlier editions, as the scorecard shows them. */
  editions: EditionsView;
}

/** Score and render one valid task force to HTML, in the language of `messages` (the rubric's words in it too). */
export function renderDocument(
  taskForce: TaskForce,
  rubric: Rubric,
  renderHtml: (view: View) => string,
  provenance: Provenance,
  config?: ScorecardConfig,
  editions: readonly Edition[] = [],
  messages: Messages = messagesFor("en"),
  /** The rubric in its own words (rubric.yaml), when `rubric` is a translation: editions compare methods on it. */
  methodRubric: Rubric = rubric,
): Built {
  const card = score(taskForce, rubric, messages);
  const shown = editions.length
    ? editionsView(editions, { taskForce, card, rubric, methodRubric, date: provenance.date }, messages)
    : NO_EDITIONS;
  const view = buildView(taskForce, card, provenance, rubric, config?.publisher, shown, messages);
  return { taskForce, card, html: renderHtml(view), view, pdf: { info: view.info, date: provenance.date }, editions: shown };
}

/** The one-page handout's HTML at every level of fit, from whole to tight: print the first that fits. */
export function renderHandout(built: Built, renderHtml: (view: HandoutView) => string, options: HandoutOptions): string[] {
  const facts = weightiestFacts(built.taskForce, built.card);
  return HANDOUT_LEVELS.map((_, level) => renderHtml(handoutView(built.view, facts, options, level)));
}

/** The reply packet of one valid task force: its HTML (to print) and the answer template (YAML). */
export function renderReplyPacket(
  built: Built,
  rubric: Rubric,
  renderHtml: (view: ReplyPacketView) => string,
  options: PacketOptions,
): { html: string; yaml: string } {
  const view = replyPacketView(built.view, rubric, options);
  return { html: renderHtml(view), yaml: replyTemplate(built.taskForce, built.card, rubric, options) };
}
