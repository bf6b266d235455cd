// output/index.html and the HTML of output/summary.pdf: every task force in one table.
// Pure: rows in, HTML out. Handlebars escapes every value taken from the data.
import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import type { ReviewStatus } from "../model.ts";
import type { ScoreCard } from "../score/types.ts";

export interface IndexRow {
  /** Output name: the files are <name>.pdf and <name>.html. */
  output: string;
  file: string;
  card: ScoreCard;
  review: ReviewStatus;
}

export interface IndexView {
  title: string;
  rubricVersion: string;
  count: number;
  rows: {
    name: string;
    file: string;
    grade: string;
    /** Sorts grades best first; "Incomplete" and unknown grades last. */
    gradeRank: number;
    percent: number;
    points: number;
    /** The points that could be earned with the data found. */
    scoredMaxPoints: number;
    /** "Draft", "Draft: awaiting the task force's reply" or "Published". */
    status: string;
    draft: boolean;
    coverage: number;
    pdf: string;
    html: string;
  }[];
}

const REVIEW_LABELS: Record<ReviewStatus, string> = {
  draft: "Draft",
  "sent-for-reply": "Draft: awaiting the task force's reply",
  replied: "Draft: the task force replied",
  "no-reply": "Draft: no reply by the deadline",
  published: "Published",
};

/** The table's data, sorted by name. `grades` is the rubric's list, best first. */
export function indexView(rows: readonly IndexRow[], grades: readonly string[]): IndexView {
  const sorted = [...rows].sort((a, b) => a.card.name.localeCompare(b.card.name) || a.output.localeCompare(b.output));
  const versions = [...new Set(sorted.map((r) => r.card.rubricVersion))];
  return {
    title: "Task force accountability scorecards",
    rubricVersion: versions.join(", "),
    count: sorted.length,
    rows: sorted.map(({ output, file, card, review }) => {
      const rank = grades.indexOf(card.grade);
      // Links are relative and percent-encoded, so no file name can become a scheme or a path outside output/.
      const href = encodeURIComponent(output);
      return {
        name: card.name,
        file,
        grade: card.grade,
        gradeRank: rank === -1 ? grades.length : rank,
        percent: card.percent,
        points: card.points,
        scoredMaxPoints: card.scoredMaxPoints,
        status: REVIEW_LABELS[review],
        draft: review !== "published",
        coverage: Math.round(card.coverage * 100),
        pdf: `${href}.pdf`,
        html: `${href}.html`,
      };
    }),
  };
}

/** Sorts the table when a column header's button is pressed. Ours, a few lines, no framework. */
export const SORT_SCRIPT = `
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th button").forEach(function (button, col) {
    button.addEventListener("click", function () {
      var th = button.parentNode, up = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { var c = row.cells[col]; return c.getAttribute("data-sort") || c.textContent.trim(); };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = Number(x), ny = Number(y);
        var d = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return up ? d : -d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
`;

const scriptHash = `sha256-${createHash("sha256").update(SORT_SCRIPT).digest("base64")}`;

/** Compiles a page template; the result renders a view to HTML, with trusted CSS when given. */
export function compilePage(template: string): (view: IndexView, css?: string) => string {
  const hb = Handlebars.create();
  const compiled = hb.compile(template, { strict: false, noEscape: false });
  return (view, css = "") =>
    compiled(
      { ...view, styles: new hb.SafeString(`<style>${css}</style>`), script: new hb.SafeString(SORT_SCRIPT), scriptHash: new hb.SafeString(scriptHash) },
      { allowProtoPropertiesByDefault: false },
    );
}
