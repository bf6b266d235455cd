// The stages wired together: load → validate → score → render. Each stage is pure;
// the PDF stage and all file access live at the edges (src/io, src/pdf, src/cli).
import { editionsView, NO_EDITIONS, type Edition, type EditionsView } from "./history/editions.ts";
import type { ScorecardConfig } from "./io/config.ts";
import { load } from "./load/load.ts";
import type { TaskForce } from "./model.ts";
import type { View } from "./render/render.ts";
import { buildView, type DocumentInfo, type Provenance } from "./render/view.ts";
import { score } from "./score/score.ts";
import type { Rubric, ScoreCard } from "./score/types.ts";
import { validate, type Validated } from "./validate/validate.ts";

/** Load and validate one file's text. */
export function check(file: string, text: string, today: string): Validated {
  return validate(load(file, text), today);
}

export interface Built {
  taskForce: TaskForce;
  card: ScoreCard;
  html: string;
  /** The PDF's document properties and fixed date; pass them to printPdf. */
  pdf: { info: DocumentInfo; date: string };
  /** Its earlier editions, as the scorecard shows them. */
  editions: EditionsView;
}

/** Score and render one valid task force to HTML. */
export function renderDocument(
  taskForce: TaskForce,
  rubric: Rubric,
  renderHtml: (view: View) => string,
  provenance: Provenance,
  config?: ScorecardConfig,
  editions: readonly Edition[] = [],
): Built {
  const card = score(taskForce, rubric);
  const shown = editions.length ? editionsView(editions, { taskForce, card, rubric, date: provenance.date }) : NO_EDITIONS;
  const view = buildView(taskForce, card, provenance, rubric, config?.publisher, shown);
  return { taskForce, card, html: renderHtml(view), pdf: { info: view.info, date: provenance.date }, editions: shown };
}
