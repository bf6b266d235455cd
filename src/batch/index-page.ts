// output/index.html, the HTML of output/summary.pdf and output/methodology.html (and their
// twins in every other language: index.es.html, summary.es.pdf, methodology.es.html): every
// task force in one table, every criterion side by side, and the method behind them.
// Pure: rows and a language's messages in, HTML out. Every word comes from the catalogue
// (messages/<lang>/collection.yaml); Handlebars escapes every value taken from the data.
import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { sinceLastText, type SinceLast } from "../history/editions.ts";
import type { ReviewStatus, TaskForce } from "../model.ts";
import { format, formatDate, msg, type Messages, type Value } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { statusText } from "../render/labels.ts";
import { registerWords, valueText } from "../render/words.ts";
import type { Rubric, ScoreCard, Status } from "../score/types.ts";

/**
 * What the index shows about a task force beyond its scores; kept in the build manifest once
 * per task force, so it is data in no language: dates as YYYY-MM-DD, numbers, ids, and the
 * state and region as the file writes them. indexView puts it into words.
 */
export interface IndexFacts {
  /** The state, or "" when the file does not say. */
  state: string;
  region: string;
  /** The date its scorecard shows (YYYY-MM-DD): the data's last commit, or the build's fixed date. */
  date: string;
  /** The language of the file's own words (its name), when the file says; English otherwise. */
  language?: string;
  /** The change since its last earlier edition; absent when it has none. */
  since?: SinceLast;
}

export interface IndexRow {
  /** The first language's output name: output/<output>.pdf and <output>.html. */
  output: string;
  file: string;
  /** The card in the first language; `cards` gives it in others. */
  card: ScoreCard;
  review: ReviewStatus;
  facts?: IndexFacts;
  /** The card per language (criteria titles and reasons in that language); `card` where a language is missing. */
  cards?: Record<string, ScoreCard>;
  /** The output name per language built ("la", "la.es"); without it, only `output`, in the first language. */
  outputs?: Record<string, string>;
}

/** A language the pages are built in. */
export interface PageLanguage {
  lang: string;
  /** "" for the first language, ".es" for the others: index.es.html, summary.es.pdf, methodology.es.html. */
  suffix: string;
  /** The language's name in itself ("English", "Español"); Intl's name by default. */
  name?: string;
}

/** The facts of a task force that the index shows. Pure. */
export function indexFacts(tf: TaskForce, date: string, since: SinceLast | undefined): IndexFacts {
  const known = (v: string | undefined) => (v && v !== "unknown" ? v : "");
  return {
    state: known(tf.jurisdiction.state),
    region: known(tf.jurisdiction.region),
    date,
    ...(tf.language ? { language: tf.language } : {}),
    ...(since ? { since } : {}),
  };
}

/** Best first, for sorting a criterion's column. */
const STATUS_RANK: Record<Status, number> = { met: 0, "partly-met": 1, "not-met": 2, unknown: 3 };

const words = (m: Messages, id: string, values?: Record<string, Value>): string => format(m, msg(id, values));
const upperFirst = (s: string, locale: string): string => `${s.charAt(0).toLocaleUpperCase(locale)}${s.slice(1)}`;

/** A language's name in itself, with a capital as a menu shows it: "English", "Español". */
export function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: "language" }).of(lang);
    if (name && name !== lang) return upperFirst(name, lang);
  } catch {
    // Not a tag Intl knows: the tag itself.
  }
  return lang;
}

/** The grade as the page writes it: letters as they are, "Incomplete" in the page's language. */
const gradeWord = (m: Messages, grade: string): string => (grade === "Incomplete" ? words(m, "collection.grade-incomplete") : grade);

/** The change since the last edition, in the page's language: "C → B, up 7.5 percentage points since the edition of 3 March 2026". */
export function sinceText(m: Messages, since: SinceLast | undefined): string {
  return since ? sinceLastText(since, m) : words(m, "collection.since.none");
}

export interface IndexCell {
  status: Status;
  label: string;
  rank: number;
  title: string;
}

/** A link to the same page in each language, for the language switch. */
export interface LanguageLink {
  lang: string;
  name: string;
  index: string;
  summary: string;
  methodology: string;
  /** The page's own language. */
  current: boolean;
}

export interface IndexView {
  /** The page's language and its words: the templates' {{t}} reads `messages`. */
  messages: Messages;
  lang: string;
  title: string;
  /** The title of summary.pdf. */
  summaryTitle: string;
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
  /** What the filters' status line says, all shown or some ({shown} is put in by the page's script). */
  showingAll: string;
  showingSome: string;
  anyEditions: boolean;
  /** The same page in every language built (the switch shows when there are two or more). */
  languages: LanguageLink[];
  manyLanguages: boolean;
  /** This page's own methodology and summary, in its language. */
  links: { methodology: string; summary: string };
  /** Where scores.csv and scores.json are in another language than the page: that language's name in the page's. */
  downloadsLanguage: string;
  /** The names of the statuses, for the legends. */
  statusWords: { met: string; partlyMet: string; notMet: string };
  /** Trusted CSS for summary.pdf's margins (running head, page numbers), built from the catalogue with every string escaped for CSS. */
  printCss: string;
  rows: {
    name: string;
    /** The language of the name, for its lang attribute. */
    dataLang: string;
    file: string;
    /** The grade as the page writes it ("Incomplete" in the page's language). */
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
    /** The scorecard in the page's language; undefined when it was not built in it. */
    pdf: string | undefined;
    html: string | undefined;
    /** The PDFs in the other languages. */
    also: { lang: string; name: string; pdf: string }[];
    /** "Also in:", or "Only in:" when there is none in the page's language. */
    alsoLabel: string;
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

/** The links to each language's pages; the page's own language is marked current. */
function languageLinks(m: Messages, languages: readonly PageLanguage[]): LanguageLink[] {
  const list = languages.length > 0 ? languages : [{ lang: m.lang, suffix: "" }];
  const file = (base: string, suffix: string, ext: string) => encodeURIComponent(`${base}${suffix}.${ext}`);
  return list.map((l) => ({
    lang: l.lang,
    name: l.name ?? languageName(l.lang),
    index: file("index", l.suffix, "html"),
    summary: file("summary", l.suffix, "pdf"),
    methodology: file("methodology", l.suffix, "html"),
    current: l.lang === m.lang,
  }));
}

const statusWords = (m: Messages) => ({
  met: statusText(m, "met"),
  partlyMet: statusText(m, "partly-met"),
  notMet: statusText(m, "not-met"),
});

/** The @page rules of summary.pdf: its title at the top, "Page 2 of 5" at the bottom, in the page's language. */
function printCss(m: Messages, title: string): string {
  const css = (s: string) =>
    `"${s
      .replace(/[\\"]/g, "\\$&")
      .replace(/[\n\r\f]/g, " ")
      .replace(/</g, "\\3c ")}"`;
  const counter = words(m, "collection.summary.page-of", { page: "\u0001", pages: "\u0002" })
    // eslint-disable-next-line no-control-regex -- \u0001 and \u0002 are the placeholders put in above for the two counters
    .split(/([\u0001\u0002])/)
    .filter((part) => part !== "")
    .map((part) => (part === "\u0001" ? "counter(page)" : part === "\u0002" ? "counter(pages)" : css(part)))
    .join(" ");
  return `@page { @top-left { content: ${css(title)}; } @bottom-right { content: ${counter}; } }`;
}

/**
 * The table's data in the page's language, sorted by name. `grades` is the rubric's list,
 * best first. `languages` lists every language the collection is built in (the first with
 * the suffix ""), for the language switch and each scorecard's other languages.
 */
export function indexView(
  rows: readonly IndexRow[],
  grades: readonly string[],
  messages: Messages = messagesFor("en"),
  languages: readonly PageLanguage[] = [],
): IndexView {
  const m = messages;
  const lang = m.lang;
  const inLang = (r: IndexRow): ScoreCard => r.cards?.[lang] ?? r.card;
  const sorted = [...rows].sort((a, b) => a.card.name.localeCompare(b.card.name, m.locale) || a.output.localeCompare(b.output));
  const versions = [...new Set(sorted.map((r) => r.card.rubricVersion))];
  // The criteria, in rubric order; cards built with an older rubric may lack some or have others.
  const criteria: { n: number; id: string; title: string }[] = [];
  for (const r of sorted) {
    for (const c of inLang(r).criteria)
      if (!criteria.some((x) => x.id === c.id)) criteria.push({ n: criteria.length + 1, id: c.id, title: c.title });
  }
  const noState = words(m, "collection.no-state");
  const noRegion = words(m, "collection.no-region");
  const options = (values: string[], none: string) =>
    [...new Set(values)]
      .sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, m.locale)))
      .map((v) => ({ value: v || "none", label: v || none }));
  const dates = sorted
    .map((r) => r.facts?.date ?? "")
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const last = dates[dates.length - 1] ?? "";
  const drafts = sorted.filter((r) => r.review !== "published").length;
  const links = languageLinks(m, languages);
  const self = links.find((l) => l.current) ?? links[0]!;
  const first = (languages.find((l) => l.suffix === "") ?? languages[0])?.lang ?? lang;
  const nameOf = (l: string) => links.find((x) => x.lang === l)?.name ?? languageName(l);
  const title = words(m, "collection.title");
  const summaryTitle = words(m, "collection.summary.title", { title });
  const criteriaText = words(m, "collection.criteria-count", { count: criteria.length });
  // Words every row uses, put into words once.
  const statusLabels = Object.fromEntries((Object.keys(STATUS_RANK) as Status[]).map((s) => [s, statusText(m, s)])) as Record<
    Status,
    string
  >;
  const notScored = words(m, "collection.not-scored");
  const reviewLabels = new Map<ReviewStatus, string>();
  const reviewLabel = (r: ReviewStatus) => reviewLabels.get(r) ?? reviewLabels.set(r, words(m, `collection.review.${r}`)).get(r)!;
  const alsoIn = words(m, "collection.index.also-in");
  const onlyIn = words(m, "collection.index.only-in");
  return {
    messages: m,
    lang,
    title,
    summaryTitle,
    rubricVersion: versions.join(", "),
    count: sorted.length,
    countText: words(m, "collection.count", { count: sorted.length }),
    draftsText:
      drafts === 0 ? "" : words(m, drafts === sorted.length ? "collection.drafts.all" : "collection.drafts.some", { count: drafts }),
    lastUpdated: last ? formatDate(last, m.locale) : "",
    lastUpdatedIso: last,
    criteria,
    criteriaText,
    gridColumns: criteria.length + 1,
    states: options(
      sorted.map((r) => r.facts?.state ?? ""),
      noState,
    ),
    regions: options(
      sorted.map((r) => r.facts?.region ?? ""),
      noRegion,
    ),
    showingAll: words(m, "collection.index.showing-all", { total: sorted.length }),
    showingSome: words(m, "collection.index.showing-some", { shown: "{shown}", total: sorted.length }),
    anyEditions: sorted.some((r) => r.facts?.since),
    languages: links,
    manyLanguages: links.length > 1,
    links: { methodology: self.methodology, summary: self.summary },
    // scores.csv and scores.json hold the first language's cards.
    downloadsLanguage: first === lang ? "" : (new Intl.DisplayNames([m.locale], { type: "language" }).of(first) ?? first),
    statusWords: statusWords(m),
    printCss: printCss(m, summaryTitle),
    rows: sorted.map((r) => {
      const { file, review, facts } = r;
      const card = inLang(r);
      const rank = grades.indexOf(card.grade);
      // Links are relative and percent-encoded, so no file name can become a scheme or a path outside output/.
      const outputs = r.outputs ?? { [first]: r.output };
      const own = outputs[lang];
      const order = [...links.map((l) => l.lang), ...Object.keys(outputs).sort()].filter((l, i, all) => all.indexOf(l) === i);
      const also = order
        .filter((l) => l !== lang && outputs[l] !== undefined)
        .map((l) => ({ lang: l, name: nameOf(l), pdf: `${encodeURIComponent(outputs[l]!)}.pdf` }));
      const byId = new Map(card.criteria.map((c) => [c.id, c]));
      const since = facts?.since;
      // "" is a state or region that no source gives, as in `options` above.
      const state = facts?.state ?? "";
      const region = facts?.region ?? "";
      return {
        name: card.name,
        dataLang: facts?.language ?? "en",
        file,
        grade: gradeWord(m, card.grade),
        gradeRank: rank === -1 ? grades.length : rank,
        percent: card.percent,
        /** Incomplete: no percentage, as on page 1 (only the points so far). */
        incomplete: card.grade === "Incomplete",
        points: card.points,
        scoredMaxPoints: card.scoredMaxPoints,
        status: reviewLabel(review),
        draft: review !== "published",
        coverage: Math.round(card.coverage * 100),
        pdf: own === undefined ? undefined : `${encodeURIComponent(own)}.pdf`,
        html: own === undefined ? undefined : `${encodeURIComponent(own)}.html`,
        also,
        alsoLabel: own === undefined ? onlyIn : alsoIn,
        state: state || "none",
        region: region || "none",
        stateLabel: state || noState,
        regionLabel: region || noRegion,
        since: sinceText(m, since),
        sinceRank: since?.delta ?? -1000,
        methodChanged: since?.kind === "method",
        cells: criteria.map((k) => {
          const c = byId.get(k.id);
          // A criterion this card was not scored on (an older rubric) shows as not scored, never as unknown data.
          return c
            ? { status: c.status, label: statusLabels[c.status], rank: STATUS_RANK[c.status], title: k.title }
            : { status: "unknown" as const, label: notScored, rank: 4, title: k.title };
        }),
      };
    }),
  };
}

/**
 * The page's own script, a few lines and no framework: column headings sort their table, and
 * the filters show only the task forces of one state or region. The page works without it.
 * It has no words of its own: the status line's are on the page (data-all, data-some), in
 * the page's language, so the script and its hash are the same in every language.
 */
export const PAGE_SCRIPT = `
(function () {
  var lang = document.documentElement.lang || undefined;
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
          var d = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, lang);
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
    said.textContent = shown === total ? said.getAttribute("data-all") : said.getAttribute("data-some").replace("{shown}", new Intl.NumberFormat(lang).format(shown));
  };
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
})();
`;

/** The script as the page's Content-Security-Policy allows it: by its hash, nothing else. */
export const SCRIPT_HASH = `sha256-${createHash("sha256").update(PAGE_SCRIPT).digest("base64")}`;

type HB = typeof Handlebars;

/**
 * The helpers of the three pages, beside `t` (src/render/words.ts): each builds a bit of HTML
 * around escaped values, to go into a message as one value.
 *   (data text lang=…)  data as written, marked with its language: <span lang="en">…</span>
 *   (link href text hreflang=…)  a link
 *   (time iso text)  a date, machine-readable too: <time datetime="2026-10-01">1 October 2026</time>
 *   (mark "met")  a status's mark and name, as the legends show it
 */
function registerPageHelpers(hb: HB): void {
  const esc = (v: unknown) => hb.escapeExpression(valueText(v));
  hb.registerHelper("data", (text: unknown, options: Handlebars.HelperOptions) => {
    const lang = (options.hash as { lang?: unknown }).lang;
    return new hb.SafeString(`<span lang="${esc(lang ?? "en")}">${esc(text)}</span>`);
  });
  hb.registerHelper("link", (href: unknown, text: unknown, options: Handlebars.HelperOptions) => {
    const hreflang = (options.hash as { hreflang?: unknown }).hreflang;
    return new hb.SafeString(`<a href="${esc(href)}"${hreflang ? ` hreflang="${esc(hreflang)}"` : ""}>${esc(text)}</a>`);
  });
  hb.registerHelper("time", (iso: unknown, text: unknown) => new hb.SafeString(`<time datetime="${esc(iso)}">${esc(text)}</time>`));
  hb.registerHelper("mark", (status: unknown, options: Handlebars.HelperOptions) => {
    const messages = (options.data as { root?: { messages?: Messages } } | undefined)?.root?.messages;
    if (!messages) throw new Error("the page has no catalogue (this is a bug)");
    const s = String(status) as Status;
    return new hb.SafeString(
      `<span class="legend-marks"><span class="mark mark-${esc(s)}" aria-hidden="true"></span>${esc(statusText(messages, s))}</span>`,
    );
  });
}

/** Compiles a page template; the result renders a view (with its `messages`) to HTML, with trusted CSS when given. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- V is for the caller to name the view its page renders, compilePage<MethodologyView>(...), so that no other view is passed to it
export function compilePage<V extends { messages: Messages } = IndexView>(template: string): (view: V, css?: string) => string {
  const hb = Handlebars.create();
  registerWords(hb);
  registerPageHelpers(hb);
  const compiled = hb.compile(template, { strict: false, noEscape: false });
  return (view, css = "") =>
    compiled(
      {
        ...view,
        styles: new hb.SafeString(`<style>${css}</style>`),
        script: new hb.SafeString(PAGE_SCRIPT),
        scriptHash: new hb.SafeString(SCRIPT_HASH),
      },
      { allowProtoPropertiesByDefault: false },
    );
}

/**
 * output/methodology.html (methodology.es.html, ...): the rubric in plain words, every
 * criterion with its weight, rules and guidance. `rubric` has its words in the page's
 * language already (translateRubric); its citations are printed as published. Pure.
 */
export function methodologyView(rubric: Rubric, messages: Messages = messagesFor("en"), languages: readonly PageLanguage[] = []) {
  const m = messages;
  const total = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  const categories = new Map(rubric.categories.map((c) => [c.id, c.title]));
  const safeUrl = (url: string | undefined) => (url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined);
  const g = rubric.grading;
  const links = languageLinks(m, languages);
  const self = links.find((l) => l.current) ?? links[0]!;
  return {
    messages: m,
    lang: m.lang,
    /** The language of the rubric's own data (publisher, citations): rubric/rubric.yaml's, English. */
    rubricLang: "en",
    title: words(m, "collection.methodology.title", { title: rubric.title }),
    rubricTitle: rubric.title,
    version: rubric.version,
    publisher: rubric.publisher,
    summary: rubric.summary,
    totalWeight: total,
    criteriaText: words(m, "collection.criteria-count", { count: rubric.criteria.length }),
    partlyShare: Math.round(g.partly_met_share * 100),
    minCoverage: Math.round(g.min_coverage * 100),
    gradesText: g.grades.map((x) => words(m, "collection.methodology.grade-from", { grade: x.grade, min: x.min_percent })).join(", "),
    unknown: g.unknown,
    rounding: g.rounding,
    ties: g.ties,
    languages: links,
    manyLanguages: links.length > 1,
    home: self.index,
    statusWords: statusWords(m),
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
        date: formatDate(ct.date ?? "", m.locale) || (ct.date ?? ""),
        section: ct.section ?? "",
        url: safeUrl(ct.url),
        identifier: ct.identifier ?? "",
      })),
    })),
  };
}

export type MethodologyView = ReturnType<typeof methodologyView>;
