// The stages wired together: load → validate → score → render. Each stage is pure;
// the PDF stage and all file access live at the edges (src/io, src/pdf, src/cli).
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
}

/** Score and render one valid task force to HTML. */
export function renderDocument(
  taskForce: TaskForce,
  rubric: Rubric,
  renderHtml: (view: View) => string,
  provenance: Provenance,
  config?: ScorecardConfig,
): Built {
  const card = score(taskForce, rubric);
  const view = buildView(taskForce, card, provenance, rubric, config?.publisher);
  return { taskForce, card, html: renderHtml(view), pdf: { info: view.info, date: provenance.date } };
}
