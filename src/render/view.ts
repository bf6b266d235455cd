import type { Cite, Count, Operation, Sector, Source, TaskForce, YesNo } from "../model.ts";
import { isKnown } from "../model.ts";
import { format, formatDate as formatDateIn, formatValue, msg, type Messages, type Value } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { attributionOf } from "../score/attribution.ts";
import { countValue, dateMsg, factDate, latest, operationDate } from "../score/criteria/util.ts";
import { grade as gradeFor, round2 } from "../score/score.ts";
import type { FactDate, Rubric, ScoreCard, Status } from "../score/types.ts";
import { NO_EDITIONS, type EditionsView } from "../history/editions.ts";
import { barChart, draftMarkSvg, type Bar, type BarGroup, type Fill } from "./charts.ts";
import { hearingQuestion, hearingView } from "./hearing.ts";
import {
  operationTypeText,
  POLICY_IDS,
  policyText,
  reviewText,
  roleText,
  sectorText,
  sourceKindTitle,
  statusText,
  yesNoText,
} from "./labels.ts";

/** The statuses in English, for the command line (the pages take theirs from the catalogue). */
export const statusLabel: Record<Status, string> = {
  met: "Met",
  "partly-met": "Partly met",
  "not-met": "Not met",
  unknown: "Unknown",
};

/** The sectors in the order every chart and table lists them. */
const SECTORS: readonly Sector[] = [
  "law-enforcement",
  "prosecution",
  "federal-agency",
  "government-social-services",
  "victim-service-provider",
  "survivor-led",
  "sex-worker-led",
  "targeted-community",
  "health-harm-reduction",
  "faith-based",
  "anti-sex-work-advocacy",
  "academic",
  "other",
  "unknown",
];

/** Law enforcement in dark patterns, everyone else in light ones, so the balance shows in grayscale. */
const sectorFill: Record<Sector, Fill> = {
  "law-enforcement": "solid",
  prosecution: "hatch",
  "federal-agency": "cross",
  "government-social-services": "lines",
  "victim-service-provider": "dots",
  "survivor-led": "open",
  "sex-worker-led": "open",
  "targeted-community": "open",
  "health-harm-reduction": "dots",
  "faith-based": "lines",
  "anti-sex-work-advocacy": "lines",
  academic: "open",
  other: "open",
  unknown: "open",
};

export interface Provenance {
  dataFile: string;
  commit: string;
  dirty: boolean;
  rubricVersion: string;
  /** YYYY-MM-DD */
  date: string;
}

/** What the PDF's document properties say. */
export interface DocumentInfo {
  title: string;
  subject: string;
  keywords: string;
  author: string;
}

const isUnknown = (v: unknown): boolean => v === undefined || v === "unknown";

/** True when even the latest day a date can mean is more than `years` before the scorecard's date. */
export function isDated(d: FactDate | undefined, today: string, years: number): boolean {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return false;
  const limit = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  return latest(d) < limit;
}

/** The words of one page: its catalogue, and the ways the view puts values into it. */
export interface Wording {
  messages: Messages;
  /** A catalogue message, with values. */
  w: (id: string, values?: Record<string, Value>) => string;
  /** "21 August 2018", or "" for anything that is not a date. */
  date: (date: string) => string;
  /** A count or a yes/no in words: "roughly 70" as the source wrote it, "none reported", "unknown". */
  words: (v: Count | YesNo | undefined) => string;
  /** "21 August 2018 (year inferred)", "2015, the date of the source". */
  dateText: (d: FactDate | undefined) => string;
}

export function wording(messages: Messages): Wording {
  const w = (id: string, values?: Record<string, Value>) => format(messages, msg(id, values));
  return {
    messages,
    w,
    date: (date) => formatDateIn(date, messages.locale),
    words: (v) =>
      typeof v === "object" || typeof v === "number" || v === undefined || v === "unknown" || v === "none-reported"
        ? formatValue(messages, countValue(v))
        : yesNoText(messages, v),
    dateText: (d) => (d ? format(messages, dateMsg(d)) : ""),
  };
}

/** "21 August 2018 (year inferred)", or the period, or "date unknown". */
function when(tf: TaskForce, op: Operation, l: Wording): string {
  const d = operationDate(tf, op);
  return (isKnown(op.date) && d ? l.dateText(d) : "") || (op.period ?? "") || l.w("sc.date-unknown");
}

/** A note or quote as the data gives it, with the translation into the page's language when the file has one. */
export interface DataText {
  text: string;
  /** The language it is written in, for its lang attribute. */
  lang: string;
  /** The file's own translation into the page's language, printed as a translation; "" when there is none. */
  translation: string;
}

/** Everything the template shows, worked out in code so the template stays logic-free. */
export function buildView(
  tf: TaskForce,
  card: ScoreCard,
  provenance: Provenance,
  rubric?: Rubric,
  publisher = "",
  editions: EditionsView = NO_EDITIONS,
  messages: Messages = messagesFor("en"),
) {
  const l = wording(messages);
  const { w } = l;
  const lang = messages.lang;
  /** The language of the file's own words (names, notes), and of each source's quotes. */
  const dataLang = tf.language ?? "en";
  const sourceLang = new Map<string, string>(tf.sources.map((s) => [s.id, s.language ?? dataLang]));
  /** A note with its translation into the page's language (note_es), when the page is in another language. */
  const note = (x: { note?: string; [k: `note_${string}`]: string | undefined } | undefined, inLang = dataLang): DataText => ({
    text: x?.note ?? "",
    lang: inLang,
    translation: x?.note && inLang !== lang ? (x[`note_${lang}`] ?? "") : "",
  });
  const sourceNumber = new Map<string, number>(tf.sources.map((s, i) => [s.id, i + 1]));
  /** "[1, 4]": numbered references into the source list, each once, in order. */
  const refs = (cs: readonly Cite[] | undefined): string => {
    const ns = [...new Set((cs ?? []).map((c) => sourceNumber.get(c.source)).filter((n): n is number => n !== undefined))].sort(
      (a, b) => a - b,
    );
    return ns.length ? `[${ns.join(", ")}]` : "";
  };
  const jurisdiction = [
    tf.jurisdiction.city,
    tf.jurisdiction.county,
    tf.jurisdiction.region,
    tf.jurisdiction.state,
    tf.jurisdiction.country,
  ]
    .filter(isKnown)
    .join(", ");
  const draft = tf.review.status !== "published";
  const fictional = tf.fictional === "yes";
  const builtOn = l.date(provenance.date) || provenance.date;

  const staleYears = rubric?.grading.stale_after_years ?? 5;
  const dated = (d: FactDate | undefined) => isDated(d, provenance.date, staleYears);
  /** Each citation's quote, with its page or section, for printing beside the fact. */
  const quotes: Quotes = (cs) =>
    cs
      .filter((c) => c.quote)
      .map((c) => {
        const qLang = sourceLang.get(c.source) ?? dataLang;
        return {
          text: c.quote!,
          lang: qLang,
          translation: qLang !== lang ? (c[`quote_${lang}`] ?? "") : "",
          ref: refs([c]),
          where: [c.page ? w("sc.page-n", { page: c.page }) : "", c.section ?? ""].filter(Boolean).join(", "),
        };
      });
  const whose = (cs: readonly Cite[]) => {
    const a = attributionOf(
      tf,
      cs.map((c) => c.source),
    );
    return a ? format(messages, a) : "";
  };

  const quotedIn = new Map<string, number>();
  const criteria = card.criteria.map((c, i) => {
    const rc = rubric?.criteria.find((r) => r.id === c.id);
    const newest = c.asOf[0];
    // A quote is printed once, beside the first fact that cites it; later facts point back to it.
    const fresh = (cs: readonly Cite[]) => {
      const shown: ReturnType<Quotes> = [];
      const earlier = new Set<number>();
      for (const q of quotes(cs)) {
        const first = quotedIn.get(q.text);
        if (first === undefined) {
          quotedIn.set(q.text, i + 1);
          shown.push(q);
        } else if (first !== i + 1) earlier.add(first);
      }
      return { shown, seeAbove: [...earlier].map((n) => w("sc.criterion-n", { n })).join(", ") };
    };
    const label = statusText(messages, c.status);
    return {
      n: i + 1,
      id: c.id,
      title: c.title,
      status: c.status,
      statusLabel: label,
      statusTag:
        c.status === "unknown"
          ? w("sc.status-not-scored", { status: label })
          : w("sc.status-points", { status: label, points: c.points, weight: c.weight }),
      unknown: c.status === "unknown",
      points: c.points,
      pointsText: c.status === "unknown" ? "–" : formatValue(messages, c.points),
      weight: c.weight,
      reason: c.reason,
      // What no source answers is asked as the hearing would ask it (src/render/hearing.ts).
      question: c.status === "unknown" ? hearingQuestion(rc, c.question) : c.question,
      asOf: c.asOf.map(l.dateText).join("; "),
      dated: c.asOf.some(dated),
      newest: newest ? l.dateText(newest) : "",
      facts: c.facts.map((f) => {
        const q = fresh(f.sources);
        return {
          label: f.label,
          value: f.value,
          unknown: f.value === formatValue(messages, "unknown") || f.value === "unknown",
          refs: refs(f.sources),
          quotes: q.shown,
          seeAbove: q.seeAbove,
          whose: whose(f.sources),
          asOf: l.dateText(f.asOf),
          dated: dated(f.asOf),
          context: Boolean(f.context),
        };
      }),
    };
  });
  const newest = (ds: FactDate[]) => [...ds].sort((a, b) => latest(b).localeCompare(latest(a)))[0];
  const newestFact = newest(card.criteria.flatMap((c) => c.facts.flatMap((f) => (f.asOf ? [f.asOf] : []))));
  const scoredDates = card.criteria.filter((c) => c.status !== "unknown").flatMap((c) => c.asOf);
  const newestScored = newest(scoredDates);

  const unknownCriteria = card.criteria.filter((c) => c.status === "unknown");
  const unknownWeight = unknownCriteria.reduce((s, c) => s + c.weight, 0);
  // If every unknown were met, or none were: how far the grade could move once we know.
  const best = card.maxPoints > 0 ? round2(((card.points + unknownWeight) / card.maxPoints) * 100) : 0;
  const worst = card.maxPoints > 0 ? round2((card.points / card.maxPoints) * 100) : 0;
  const incomplete = card.grade === "Incomplete";
  const gradeWord = (g: string) => (g === "Incomplete" ? w("sc.grade-incomplete") : g);
  const knownPoints = card.scoredMaxPoints;
  const bestGrade = rubric ? gradeFor(best, 1, rubric) : "";
  const worstGrade = rubric ? gradeFor(worst, 1, rubric) : "";

  const view = {
    /** The page's language and its words: the templates' {{t}} reads `messages` (src/render/words.ts). */
    lang,
    messages,
    /** The language of the data's own words, for lang attributes where it differs from the page's. */
    dataLang,
    title: w("sc.document-title", { name: tf.name }),
    name: tf.name,
    jurisdiction: jurisdiction || w("sc.jurisdiction-unknown"),
    jurisdictionKnown: Boolean(jurisdiction),
    draft,
    fictional,
    reviewLabel: reviewText(messages, tf.review.status),
    lastReviewed: l.date(tf.review.last_reviewed) || tf.review.last_reviewed,
    /** Recommendations, hearing questions and the task force's replies (src/render/hearing.ts). */
    hearing: hearingView(tf, card, rubric, refs, provenance.date, messages),
    grade: card.grade,
    gradeText: gradeWord(card.grade),
    incomplete,
    minCoverage: rubric ? Math.round(rubric.grading.min_coverage * 100) : undefined,
    points: card.points,
    knownPoints,
    maxPoints: card.maxPoints,
    percent: card.percent,
    coverage: Math.round(card.coverage * 100),
    keyFacts: keyFacts(tf, refs, whose, dated, l),
    criteria,
    newestFact: newestFact ? l.dateText(newestFact) : "",
    newestScored: newestScored ? l.dateText(newestScored) : "",
    allScoredDated: scoredDates.length > 0 && scoredDates.every(dated),
    newestShownLater: Boolean(newestFact && newestScored && latest(newestFact) > latest(newestScored)),
    staleYears,
    anyDated: criteria.some((c) => c.dated),
    confidence: confidenceView(tf, card, l),
    membership: membershipView(tf, refs, quotes, dated, l, note),
    operations: tf.operations.map((op) => ({
      name: op.name,
      when: when(tf, op, l),
      dated: dated(operationDate(tf, op)),
      places: op.places?.join(", ") ?? "",
      type: operationTypeText(messages, op.type),
      officers: typeof op.officers_deployed === "object" ? op.officers_deployed.words : l.words(op.officers_deployed),
      arrests: l.words(op.arrests.total),
      prostitution: l.words(op.arrests.selling_or_buying_sex ?? op.arrests.selling_sex),
      trafficking:
        op.arrests.trafficking_related !== undefined && !isKnown(op.arrests.trafficking)
          ? w("sc.trafficking-related", { count: l.words(op.arrests.trafficking_related) })
          : l.words(op.arrests.trafficking),
      referred: l.words(op.referred_to_services),
      conditional: l.words(op.services_conditional_on_arrest),
      note: note(op),
      refs: refs(op.sources),
      quotes: quotes(op.sources ?? []),
      whose: whose(op.sources ?? []),
    })),
    representation: representationView(tf, refs, quotes, whose, l, note),
    policies: POLICY_IDS.map((id) => {
      const p = tf.policies[id];
      return {
        label: policyText(messages, id),
        status: l.words(p.status),
        unknown: isUnknown(p.status),
        note: note(p),
        refs: refs(p.sources),
        quotes: quotes(p.sources ?? []),
      };
    }),
    methodology: rubric ? methodologyView(rubric, l) : undefined,
    sources: tf.sources.map((s, i) => ({ n: i + 1, ...sourceView(s, l, sourceLang.get(s.id) ?? dataLang, lang) })),
    unknowns: {
      criteria: unknownCriteria.map((c) => ({ title: c.title, weight: c.weight })),
      any: unknownCriteria.length > 0,
      weight: unknownWeight,
      share: card.maxPoints > 0 ? Math.round((unknownWeight / card.maxPoints) * 100) : 0,
      bestPercent: best,
      worstPercent: worst,
      bestPoints: round2(card.points + unknownWeight),
      worstPoints: card.points,
      bestGrade: bestGrade ? gradeWord(bestGrade) : "none",
      worstGrade: worstGrade ? gradeWord(worstGrade) : "none",
      fields: unknownFields(tf, messages),
    },
    charts: {
      membership: membershipChart(tf, l),
      arrests: arrestsCharts(tf, l),
    },
    draftMark: draft ? draftMarkSvg(w("sc.draft-mark")) : "",
    /** Earlier editions of this scorecard (src/history/editions.ts); the chart is SVG built in code. */
    editions,
    provenance: { ...provenance, dateText: builtOn },
    /** Short lines for the page margins; the renderer escapes them for CSS. */
    margins: {
      top: `${tf.name}${fictional ? ` · ${w("sc.fictional-margin")}` : ""}`,
      topRight: draft ? w("sc.draft-margin") : "",
      provenance: w("sc.provenance", {
        file: provenance.dataFile,
        commit: provenance.commit,
        dirty: provenance.dirty ? "yes" : "no",
        rubric: provenance.rubricVersion,
        date: builtOn,
      }),
      /** "Page {page} of {pages}", split around the two counters the renderer puts in. */
      pageOf: pageOfParts(w("sc.page-of", { page: "\u0001", pages: "\u0002" })),
    },
    info: documentInfo(tf, card, publisher || (rubric?.publisher ?? "") || "Task force accountability scorecard", l),
  };
  return view;
}

/** "Page \u0001 of \u0002" → ["Page ", " of ", ""]: the words around the page counters. */
function pageOfParts(text: string): [string, string, string] {
  const [before = "", rest = ""] = text.split("\u0001");
  const [middle = "", after = ""] = rest.split("\u0002");
  return [before, middle, after];
}

function documentInfo(tf: TaskForce, card: ScoreCard, author: string, l: Wording): DocumentInfo {
  const published = tf.review.status === "published";
  return {
    title: l.w(published ? "sc.document-title" : "sc.document-title-draft", { name: tf.name }),
    subject: l.w("sc.subject", {
      name: tf.name,
      version: card.rubricVersion,
      incomplete: card.grade === "Incomplete" ? "yes" : "no",
      grade: card.grade,
      percent: card.percent,
      fictional: tf.fictional === "yes" ? "yes" : "no",
    }),
    keywords: [l.w("sc.keywords"), tf.name, ...[tf.jurisdiction.state, tf.jurisdiction.country].filter(isKnown)].join(", "),
    author,
  };
}

type Refs = (cs: readonly Cite[] | undefined) => string;
type Quotes = (cs: readonly Cite[]) => (DataText & { ref: string; where: string })[];
type Note = (x: { note?: string; [k: `note_${string}`]: string | undefined } | undefined, inLang?: string) => DataText;

/**
 * The facts that matter most: who is named at the table, and the figures of the most recent
 * operation that has any, each in the source's words and said to be the source's.
 */
function keyFacts(
  tf: TaskForce,
  refs: Refs,
  whose: (cs: readonly Cite[]) => string,
  dated: (d: FactDate | undefined) => boolean,
  l: Wording,
) {
  const { w } = l;
  const m = tf.membership;
  const members = m.members.filter((x) => x.sector !== "unknown");
  const le = members.filter((x) => ["law-enforcement", "prosecution", "federal-agency"].includes(x.sector));
  const listCites = m.members.flatMap((x) => x.sources ?? []);
  const listDate = factDate(tf, m.as_of, m.as_of_basis, listCites);
  const complete = m.complete === "yes";
  const asOf = listDate ? l.dateText(listDate) : "none";
  const membership = members.length
    ? {
        // A list that may be incomplete gives no headline number: only what it names.
        big: complete,
        sentence: w("sc.members-named-sentence", {
          named: members.length,
          asOf,
          all: le.length === members.length ? "yes" : "no",
          le: le.length,
        }),
        value: complete ? w("sc.members-complete-value", { le: le.length, named: members.length }) : formatValue(l.messages, le.length),
        label: complete ? w("sc.members-complete-label", { asOf }) : w("sc.members-partial-label", { named: members.length, asOf }),
        whose: whose(listCites),
        refs: refs(listCites),
        dated: dated(listDate),
      }
    : undefined;
  const counts = (m.counts ?? []).map((c) => {
    const d = factDate(tf, c.as_of, c.as_of_basis, c.sources ?? []);
    return {
      text: c.groups.map((g) => w("sc.count-group", { count: l.words(g.count), label: g.label })).join(", "),
      when: l.dateText(d),
      whose: whose(c.sources ?? []),
      refs: refs(c.sources),
      dated: dated(d),
    };
  });
  const withNumbers = tf.operations.filter((op) =>
    [op.arrests.total, op.officers_deployed, op.arrests.selling_or_buying_sex, op.arrests.selling_sex].some(
      (v) => v !== undefined && v !== "unknown",
    ),
  );
  const op = [...withNumbers].sort((a, b) => latest(operationDate(tf, b)).localeCompare(latest(operationDate(tf, a))))[0];
  const fact = (label: string, v: Count | undefined) => ({
    value: typeof v === "object" ? v.words : l.words(v),
    label: w(`sc.fact.${label}`),
    unknown: isUnknown(v),
    text: typeof v !== "number",
  });
  const operation = op
    ? {
        caption: w("sc.operation-caption", { name: op.name, when: when(tf, op, l) }),
        whose: whose(op.sources ?? []),
        refs: refs(op.sources),
        dated: dated(operationDate(tf, op)),
        facts: [
          fact("officers", op.officers_deployed),
          ...(op.arrests.total !== "unknown" || op.arrests.selling_or_buying_sex === undefined
            ? [fact("arrests-total", op.arrests.total)]
            : []),
          ...(op.arrests.selling_or_buying_sex !== undefined ? [fact("arrests-prostitution", op.arrests.selling_or_buying_sex)] : []),
          fact("arrests-trafficking", op.arrests.trafficking),
          fact("referred", op.referred_to_services),
        ],
      }
    : undefined;
  return { membership, counts, operation, any: membership !== undefined || operation !== undefined || counts.length > 0 };
}

function membershipView(tf: TaskForce, refs: Refs, quotes: Quotes, dated: (d: FactDate | undefined) => boolean, l: Wording, note: Note) {
  const { w, messages } = l;
  const m = tf.membership;
  const listDate = factDate(
    tf,
    m.as_of,
    m.as_of_basis,
    m.members.flatMap((x) => x.sources ?? []),
  );
  const asOf = listDate ? l.dateText(listDate) : "";
  return {
    asOf,
    memberHeading: asOf ? w("sc.col-member-as-of", { date: asOf }) : w("sc.col-member"),
    dated: dated(listDate),
    completeness: w(m.complete === "yes" ? "sc.complete-yes" : m.complete === "no" ? "sc.complete-no" : "sc.complete-unknown"),
    note: note(m),
    members: m.members.map((x) => ({
      name: x.name,
      sector: sectorText(messages, x.sector),
      role: roleText(messages, x.role),
      votes: l.words(x.votes),
      refs: refs(x.sources),
    })),
    counts: (m.counts ?? []).map((c) => {
      const d = factDate(tf, c.as_of, c.as_of_basis, c.sources ?? []);
      return {
        asOf: l.dateText(d),
        dated: dated(d),
        text: c.groups.map((g) => w("sc.count-group", { count: l.words(g.count), label: g.label })).join(", "),
        note: note(c),
        refs: refs(c.sources),
        quotes: quotes(c.sources ?? []),
      };
    }),
    leads: (tf.lead_agencies ?? []).map((x, i, all) => ({
      name: x.name,
      refs: refs(x.sources),
      asOf: l.dateText(factDate(tf, undefined, undefined, x.sources ?? [])),
      /** What comes before this name in the list: nothing, a comma, or "and". */
      joiner: i === 0 ? "" : i === all.length - 1 ? w("sc.list-last") : w("sc.list-comma"),
    })),
  };
}

/** Page 1's account of what the grade rests on. */
function confidenceView(tf: TaskForce, card: ScoreCard, l: Wording) {
  const { w } = l;
  const c = card.confidence;
  const name = (id: string) => {
    const s = tf.sources.find((x) => x.id === id);
    if (!s) return id;
    const by = s.author && s.author !== "unknown" ? s.author : s.publisher;
    return w(`label.source-named.${s.type}`, {
      by,
      year: s.date.slice(0, 4),
      inferred: s.date_basis === "inferred" || s.date_basis === "year-inferred" ? "yes" : "no",
    });
  };
  const sole = c.soleSources.map((x) =>
    w("sc.sole", { criteria: x.criteria, weight: x.weight, scored: card.scoredMaxPoints, source: name(x.source) }),
  );
  const wo = c.withoutSecondHand;
  const scoredWeight = card.scoredMaxPoints;
  const onRecords = round2(scoredWeight - c.secondHand.weight);
  const grade = wo.grade === "Incomplete" ? w("sc.grade-incomplete") : wo.grade;
  const n = c.secondHand.criteria.length;
  const test =
    n > 0 && onRecords === 0
      ? [w("sc.second-hand-all", { scored: scoredWeight }), wo.grade === card.grade ? "" : w("sc.second-hand-all-grade", { grade })]
          .filter(Boolean)
          .join(" ")
      : n === 0
        ? w("sc.second-hand-none")
        : `${w("sc.second-hand-some", { criteria: n, weight: c.secondHand.weight })} ${wo.grade === "Incomplete" ? w("sc.second-hand-without", { criteria: n, grade }) : w("sc.second-hand-without-percent", { criteria: n, grade, percent: wo.percent, scored: wo.scoredMaxPoints })}`;
  return { sole, test, fragile: c.fragile, any: sole.length > 0 || n > 0 };
}

function representationView(tf: TaskForce, refs: Refs, quotes: Quotes, whose: (cs: readonly Cite[]) => string, l: Wording, note: Note) {
  const r = tf.representation;
  const row = (id: string, v: Count | YesNo) => ({ label: l.w(`sc.repr.${id}`), value: l.words(v), unknown: isUnknown(v) });
  return {
    rows: [
      row("survivor-led", r.survivor_led_seats),
      row("sex-worker-led", r.sex_worker_led_seats),
      row("targeted-community", r.targeted_community_seats),
      row("seats-vote", r.seats_vote),
      row("meetings-public", r.meetings_public),
      row("minutes-public", r.minutes_public),
    ],
    note: note(r),
    refs: refs(r.sources),
    quotes: quotes(r.sources ?? []),
    whose: whose(r.sources ?? []),
  };
}

/** A figure as a bar: an approximation is drawn at its number with the source's words; none reported and unknown get no bar. */
function bar(label: string, v: Count, fill: Fill, l: Wording): Bar {
  if (typeof v === "number") return { label, value: v, fill, text: formatValue(l.messages, v) };
  if (v === "unknown" || v === "none-reported") return { label, value: "unknown", fill, text: l.words(v) };
  return { label, value: v.approximately, fill, text: v.words };
}

function membershipChart(tf: TaskForce, l: Wording): string {
  const { w } = l;
  const groups: BarGroup[] = [];
  const members = tf.membership.members;
  if (members.length > 0) {
    const bySector = new Map<Sector, number>();
    for (const m of members) bySector.set(m.sector, (bySector.get(m.sector) ?? 0) + 1);
    const bars: Bar[] = SECTORS.filter((s) => bySector.has(s)).map((s) => ({
      label: sectorText(l.messages, s),
      value: bySector.get(s)!,
      fill: sectorFill[s],
    }));
    const asOf = tf.membership.as_of && tf.membership.as_of !== "unknown" ? l.date(tf.membership.as_of) || tf.membership.as_of : "none";
    groups.push({
      title: w("sc.chart.members-title", { named: members.length, asOf, complete: tf.membership.complete === "yes" ? "yes" : "no" }),
      bars,
    });
  }
  for (const c of tf.membership.counts ?? []) {
    groups.push({
      title: w("sc.chart.count-title", { date: l.date(c.as_of) || c.as_of }),
      bars: c.groups.map((g) =>
        bar(g.label, g.count, g.kind === "government" ? "solid" : g.kind === "non-government" ? "open" : sectorFill[g.kind], l),
      ),
    });
  }
  if (groups.length === 0) return "";
  return barChart(groups, { idPrefix: "members", label: w("sc.chart.members-label"), scale: "shared" });
}

/** One small chart per operation, so they can sit side by side. */
function arrestsCharts(tf: TaskForce, l: Wording): string[] {
  const { w } = l;
  return tf.operations.map((op, i) => {
    const a = op.arrests;
    const bars: Bar[] = [bar(w("sc.chart.all-arrests"), a.total, "solid", l)];
    const charge = (id: string, v: Count | undefined, fill: Fill) => {
      if (v !== undefined) bars.push(bar(w(`sc.chart.${id}`), v, fill, l));
    };
    charge("selling-sex", a.selling_sex, "hatch");
    charge("buying-sex", a.buying_sex, "lines");
    charge("prostitution", a.selling_or_buying_sex, "hatch");
    charge("trafficking", a.trafficking, "cross");
    charge("trafficking-related", a.trafficking_related, "cross");
    charge("other", a.other, "lines");
    bars.push(bar(w("sc.chart.referred"), op.referred_to_services, "dots", l));
    const title = w("sc.chart.operation-title", { name: op.name, when: when(tf, op, l) });
    return barChart([{ title, bars }], { idPrefix: `arrests-${i}`, label: w("sc.chart.arrests-label", { title }), scale: "per-group" });
  });
}

function methodologyView(rubric: Rubric, l: Wording) {
  const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  // Many criteria cite the same guidance: list each publication once and refer to it by number.
  const cited: { key: string; n: number; publisher: string; title: string; date: string; url: string | undefined }[] = [];
  const citeNumber = (ct: Rubric["criteria"][number]["citations"][number]): number => {
    const key = `${ct.publisher}|${ct.title}|${ct.date ?? ""}|${ct.url ?? ""}`;
    const found = cited.find((c) => c.key === key);
    if (found) return found.n;
    cited.push({
      key,
      n: cited.length + 1,
      publisher: ct.publisher,
      title: ct.title,
      date: l.date(ct.date ?? "") || (ct.date ?? ""),
      url: safeUrl(ct.url),
    });
    return cited.length;
  };
  const criteria = rubric.criteria.map((c) => ({
    title: c.title,
    weight: c.weight,
    share: total > 0 ? Math.round((c.weight / total) * 100) : 0,
    partialCredit: c.partial_credit,
    unknownData: c.unknown_data,
    cites: [...new Set(c.citations.map(citeNumber))].map((n) => `G${n}`).join(", "),
  }));
  const minCoverage = Math.round(rubric.grading.min_coverage * 100);
  const grades = rubric.grading.grades.map((g) => l.w("sc.method-grade", { grade: g.grade, min: g.min_percent }));
  return {
    title: rubric.title,
    version: rubric.version,
    publisher: rubric.publisher,
    totalWeight: total,
    minCoverage,
    intro: l.w("sc.method-intro", {
      title: rubric.title,
      version: rubric.version,
      publisher: rubric.publisher,
      min: minCoverage,
      grades: grades.join(", "),
    }),
    evidence: rubric.grading.evidence,
    grades: rubric.grading.grades.map((g) => ({ grade: g.grade, min: g.min_percent })),
    criteria,
    guidance: cited.map(({ n, publisher, title, date, url }) => ({ n, publisher, title, date, url })),
  };
}

/** The facts this file leaves unknown, in words an advocate can go and look up. */
export function unknownFields(tf: TaskForce, messages: Messages = messagesFor("en")): string[] {
  const { w } = wording(messages);
  const f = (id: string, values?: Record<string, Value>) => w(`sc.unknown-field.${id}`, values);
  const out: string[] = [];
  const r = tf.representation;
  const repr: [string, Count | YesNo][] = [
    ["survivor-led", r.survivor_led_seats],
    ["sex-worker-led", r.sex_worker_led_seats],
    ["targeted-community", r.targeted_community_seats],
    ["seats-vote", r.seats_vote],
    ["meetings-public", r.meetings_public],
    ["minutes-public", r.minutes_public],
  ];
  for (const [id, v] of repr) if (isUnknown(v)) out.push(f("membership", { what: f(id) }));
  const members = tf.membership.members;
  const count = (pick: (m: (typeof members)[number]) => boolean) => members.filter(pick).length;
  const sectorUnknown = count((m) => m.sector === "unknown");
  const roleUnknown = count((m) => m.role === "unknown");
  const votesUnknown = count((m) => m.votes === "unknown");
  if (sectorUnknown) out.push(f("membership", { what: f("sector", { n: sectorUnknown, of: members.length }) }));
  if (roleUnknown) out.push(f("membership", { what: f("role", { n: roleUnknown, of: members.length }) }));
  if (votesUnknown) out.push(f("membership", { what: f("votes", { n: votesUnknown, of: members.length }) }));
  for (const op of tf.operations) {
    const missing: string[] = [];
    if (!isKnown(op.date) && !op.period) missing.push(f("date"));
    if (isUnknown(op.officers_deployed)) missing.push(f("officers"));
    const a = op.arrests;
    const arrestFields: [string, Count | undefined][] = [
      ["total", a.total],
      ["selling-sex", a.selling_sex],
      ["buying-sex", a.buying_sex],
      ["trafficking", a.trafficking],
      ["other", a.other],
    ];
    for (const [id, v] of arrestFields) if (v === "unknown") missing.push(f(id));
    if (op.minors?.arrested === "unknown") missing.push(f("minors-arrested"));
    if (op.minors?.identified === "unknown") missing.push(f("minors-identified"));
    if (op.victims_identified === "unknown") missing.push(f("victims-identified"));
    if (isUnknown(op.referred_to_services)) missing.push(f("referred"));
    if (isUnknown(op.services_conditional_on_arrest)) missing.push(f("conditional"));
    if (op.demographics?.people_arrested === "unknown") missing.push(f("demographics"));
    if (missing.length) out.push(f("operation", { name: op.name, missing: missing.join(", ") }));
  }
  for (const id of POLICY_IDS) {
    if (isUnknown(tf.policies[id].status)) out.push(f("policy", { what: w(`sc.policy-lower.${id}`) }));
  }
  return out;
}

/** Only http(s) addresses become links; anything else is shown as plain text or dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

function sourceView(s: Source, l: Wording, lang: string, pageLang: string) {
  const url = safeUrl(s.url);
  const date = l.date(s.date);
  return {
    title: s.title === "unknown" ? l.w("sc.title-unknown") : s.title,
    titleUnknown: s.title === "unknown",
    /** The title, author and publisher are printed as the source gives them, in its language. */
    lang: s.title === "unknown" ? pageLang : lang,
    author: s.author && s.author !== "unknown" ? s.author : "",
    onBehalfOf: s.on_behalf_of ?? "",
    kind: sourceKindTitle(l.messages, s.type),
    publisher: s.publisher,
    date: date
      ? s.date_basis === "inferred" || s.date_basis === "year-inferred"
        ? l.w("sc.source-date-inferred", { date })
        : date
      : l.w("sc.date-unknown"),
    url,
    /** An address that is not http(s) is kept visible as text, never as a link. */
    urlText: s.url && !url ? s.url : "",
    identifier: s.identifier ?? "",
    note: s.note ?? "",
    noteTranslation: s.note && lang !== pageLang ? (s[`note_${pageLang}`] ?? "") : "",
  };
}
