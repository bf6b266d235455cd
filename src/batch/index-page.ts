// output/index.html, the HTML of output/summary.pdf and output/methodology.html: every task
// force in one table, every criterion side by side, and the method behind them.
// Pure: rows in, HTML out. Handlebars escapes every value taken from the data.
import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import type { SinceLast } from "../history/editions.ts";
import type { ReviewStatus, TaskForce } from "../model.ts";
import { statusLabel } from "../render/view.ts";
import { formatDate as formatDateIn } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import type { Rubric, ScoreCard, Status } from "../score/types.ts";

/** "3 March 2026", as the scorecards write dates (their English catalogue's locale). */
const formatDate = (date: string): string => formatDateIn(date, messagesFor("en").locale);

/** What the index shows about a task force beyond its scores; kept in the build manifest. */
export interface IndexFacts {
  /** The state, or "" when the file does not say. */
  state: string;
  region: string;
  /** The date its scorecard shows (YYYY-MM-DD): the data's last commit, or the build's fixed date. */
  date: string;
  /** The change since its last earlier edition; absent when it has none. */
  since?: SinceLast;
}

export interface IndexRow {
  /** Output name: the files are <name>.pdf and <name>.html. */
  output: string;
  file: string;
  card: ScoreCard;
  review: ReviewStatus;
  facts?: IndexFacts;
}

/** The facts of a task force that the index shows. Pure. */
export function indexFacts(tf: TaskForce, date: string, since: SinceLast | undefined): IndexFacts {
  const known = (v: string | undefined) => (v && v !== "unknown" ? v : "");
  return { state: known(tf.jurisdiction.state), region: known(tf.jurisdiction.region), date, ...(since ? { since } : {}) };
}

const REVIEW_LABELS: Record<ReviewStatus, string> = {
  draft: "Draft",
  "sent-for-reply": "Draft: awaiting the task force's reply",
  replied: "Draft: the task force replied",
  "no-reply": "Draft: no reply by the deadline",
  published: "Published",
};

/** Best first, for sorting a criterion's column. */
const STATUS_RANK: Record<Status, number> = { met: 0, "partly-met": 1, "not-met": 2, unknown: 3 };

/** "1 task force", "2 task forces". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface IndexCell {
  status: Status;
  label: string;
  rank: number;
  title: string;
}

export interface IndexView {
  title: string;
  rubricVersion: string;
  count: number;
  /** "1 task force", "12 task forces". */
  countText: string;
  /** "3 of them are drafts." or "". */
  draftsText: string;
  /** The newest date any scorecard shows, as words and as YYYY-MM-DD; "" when none is known. */
  lastUpdated: string;
  lastUpdatedIso: string;
  criteria: { n: number; id: string; title: string }[];
  criteriaText: string;
  /** The grid's columns: the task force and each criterion. */
  gridColumns: number;
  /** The choices of the filters: each state and region found, with how rows name them. */
  states: { value: string; label: string }[];
  regions: { value: string; label: string }[];
  anyEditions: boolean;
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
    state: string;
    region: string;
    stateLabel: string;
    regionLabel: string;
    /** The change since the last edition, in words. */
    since: string;
    /** Sorts the change column: the change in percentage points, or a low number when not comparable. */
    sinceRank: number;
    methodChanged: boolean;
    cells: IndexCell[];
  }[];
}

const NO_STATE = "State not recorded";
const NO_REGION = "Region not recorded";

/** The table's data, sorted by name. `grades` is the rubric's list, best first. */
export function indexView(rows: readonly IndexRow[], grades: readonly string[]): IndexView {
  const sorted = [...rows].sort((a, b) => a.card.name.localeCompare(b.card.name) || a.output.localeCompare(b.output));
  const versions = [...new Set(sorted.map((r) => r.card.rubricVersion))];
  // The criteria, in rubric order; cards built with an older rubric may lack some or have others.
  const criteria: { n: number; id: string; title: string }[] = [];
  for (const r of sorted) {
    for (const c of r.card.criteria) if (!criteria.some((x) => x.id === c.id)) criteria.push({ n: criteria.length + 1, id: c.id, title: c.title });
  }
  const options = (values: string[], none: string) =>
    [...new Set(values)].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b))).map((v) => ({ value: v || "none", label: v || none }));
  const dates = sorted.map((r) => r.facts?.date ?? "").filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const last = dates[dates.length - 1] ?? "";
  const drafts = sorted.filter((r) => r.review !== "published").length;
  return {
    title: "Task force accountability scorecards",
    rubricVersion: versions.join(", "),
    count: sorted.length,
    countText: plural(sorted.length, "task force", "task forces"),
    draftsText: drafts === 0 ? "" : drafts === sorted.length ? (drafts === 1 ? "It is a draft." : "All of them are drafts.") : `${drafts === 1 ? "1 of them is a draft" : `${drafts} of them are drafts`}.`,
    lastUpdated: last ? formatDate(last) : "",
    lastUpdatedIso: last,
    criteria,
    criteriaText: plural(criteria.length, "criterion", "criteria"),
    gridColumns: criteria.length + 1,
    states: options(sorted.map((r) => r.facts?.state ?? ""), NO_STATE),
    regions: options(sorted.map((r) => r.facts?.region ?? ""), NO_REGION),
    anyEditions: sorted.some((r) => r.facts?.since),
    rows: sorted.map(({ output, file, card, review, facts }) => {
      const rank = grades.indexOf(card.grade);
      // Links are relative and percent-encoded, so no file name can become a scheme or a path outside output/.
      const href = encodeURIComponent(output);
      const byId = new Map(card.criteria.map((c) => [c.id, c]));
      const since = facts?.since;
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
        state: facts?.state || "none",
        region: facts?.region || "none",
        stateLabel: facts?.state || NO_STATE,
        regionLabel: facts?.region || NO_REGION,
        since: since ? since.text : "No earlier edition",
        sinceRank: since?.delta ?? -1000,
        methodChanged: since?.kind === "method",
        cells: criteria.map((k) => {
          const c = byId.get(k.id);
          // A criterion this card was not scored on (an older rubric) shows as not scored, never as unknown data.
          return c ? { status: c.status, label: statusLabel[c.status], rank: STATUS_RANK[c.status], title: k.title } : { status: "unknown" as const, label: "Not scored", rank: 4, title: k.title };
        }),
      };
    }),
  };
}

/**
 * The page's own script, a few lines and no framework: column headings sort their table, and
 * the filters show only the task forces of one state or region. The page works without it.
 */
export const PAGE_SCRIPT = `
(function () {
  var key = function (row, col) { var c = row.cells[col]; return c ? (c.getAttribute("data-sort") || c.textContent.trim()) : ""; };
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th button").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.closest("th"), col = th.cellIndex, up = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, col), y = key(b, col), nx = Number(x), ny = Number(y);
          var d = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return up ? d : -d;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var selects = form.querySelectorAll("select"), said = document.getElementById("filter-status");
  var apply = function () {
    var shown = 0, total = 0;
    document.querySelectorAll("tr[data-state]").forEach(function (row) {
      var ok = true;
      selects.forEach(function (s) { if (s.value && row.getAttribute("data-" + s.name) !== s.value) ok = false; });
      row.hidden = !ok;
      if (row.closest("#grades")) { total++; if (ok) shown++; }
    });
    said.textContent = shown === total ? "Showing all " + total + (total === 1 ? " task force." : " task forces.") : "Showing " + shown + " of " + total + (total === 1 ? " task force." : " task forces.");
  };
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
})();
`;

/** The script as the page's Content-Security-Policy allows it: by its hash, nothing else. */
export const SCRIPT_HASH = `sha256-${createHash("sha256").update(PAGE_SCRIPT).digest("base64")}`;

/** Compiles a page template; the result renders a view to HTML, with trusted CSS when given. */
export function compilePage<V extends object = IndexView>(template: string): (view: V, css?: string) => string {
  const hb = Handlebars.create();
  const compiled = hb.compile(template, { strict: false, noEscape: false });
  return (view, css = "") =>
    compiled(
      { ...view, styles: new hb.SafeString(`<style>${css}</style>`), script: new hb.SafeString(PAGE_SCRIPT), scriptHash: new hb.SafeString(SCRIPT_HASH) },
      { allowProtoPropertiesByDefault: false },
    );
}

/** output/methodology.html: the rubric in plain words, every criterion with its weight, rules and guidance. Pure. */
export function methodologyView(rubric: Rubric) {
  const total = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  const categories = new Map(rubric.categories.map((c) => [c.id, c.title]));
  const safeUrl = (url: string | undefined) => (url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined);
  const g = rubric.grading;
  return {
    title: `${rubric.title}: methodology`,
    rubricTitle: rubric.title,
    version: rubric.version,
    publisher: rubric.publisher,
    summary: rubric.summary,
    totalWeight: total,
    criteriaText: plural(rubric.criteria.length, "criterion", "criteria"),
    partlyShare: Math.round(g.partly_met_share * 100),
    minCoverage: Math.round(g.min_coverage * 100),
    grades: g.grades.map((x) => ({ grade: x.grade, min: x.min_percent })),
    unknown: g.unknown,
    rounding: g.rounding,
    ties: g.ties,
    criteria: rubric.criteria.map((c, i) => ({
      n: i + 1,
      id: c.id,
      title: c.title,
      category: categories.get(c.category) ?? c.category,
      weight: c.weight,
      share: total > 0 ? Math.round((c.weight / total) * 1000) / 10 : 0,
      question: c.question,
      why: c.why,
      met: c.scoring.met,
      partlyMet: c.scoring.partly_met,
      notMet: c.scoring.not_met,
      partialCredit: c.partial_credit,
      unknownData: c.unknown_data,
      citations: c.citations.map((ct) => ({
        author: ct.author ?? "",
        title: ct.title,
        publisher: ct.publisher,
        date: formatDate(ct.date ?? "") || (ct.date ?? ""),
        section: ct.section ?? "",
        url: safeUrl(ct.url),
        identifier: ct.identifier ?? "",
      })),
    })),
  };
}
