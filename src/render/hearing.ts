// What a hearing needs, worked out from the scored task force: the recommendations that
// would gain the most points, the questions for what no source says, the task force's
// replies beside the criteria they answer, and the one-page handout. Pure.
import type { Agrees, Cite, Reply, Source, TaskForce } from "../model.ts";
import { replyDeadline, replyState, type ReplyState } from "../model.ts";
import { format, formatDate as formatDateIn, msg, type Messages, type Value } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { round2 } from "../score/score.ts";
import type { CriterionResult, Rubric, RubricCriterion, ScoreCard, Status } from "../score/types.ts";
import { sourceKindText, statusText } from "./labels.ts";

type Refs = (cs: readonly Cite[] | undefined) => string;

/** A message of the page's catalogue, with values. */
const say = (messages: Messages, id: string, values?: Record<string, Value>): string => format(messages, msg(id, values));

/**
 * A reply's agrees in words. Only the three words the schema allows are put into words;
 * anything else is not said at all. `unknown`: the view may be built from data that
 * skipped the schema, whatever its type says.
 */
const agreesText = (messages: Messages, agrees: unknown): string =>
  agrees === "yes" || agrees === "no" || agrees === "partly" ? say(messages, `hearing.reply.agrees.${agrees}`) : "";

/** The question to put aloud: the hearing question when the rubric gives one, else the criterion's question. */
export const hearingQuestion = (rc: Pick<RubricCriterion, "question" | "hearing_question"> | undefined, fallback = ""): string =>
  rc?.hearing_question ?? rc?.question ?? fallback;

/** "op-ed by Kate D'Adamo, Medium, 2018"; "news report, abc7.com, 2021"; in the page's language. */
export function shortCite(s: Source, messages: Messages = messagesFor("en")): string {
  const author = s.author && s.author !== "unknown" ? s.author : "";
  const when = formatDateIn(s.date, messages.locale) || say(messages, "hearing.cite.undated");
  const kind = s.type === "other" ? "" : sourceKindText(messages, s.type);
  const head = kind && author && s.type === "op-ed" ? [say(messages, "hearing.cite.by", { kind, author })] : [kind, author];
  return [...head, s.publisher, when].filter(Boolean).join(", ");
}

export interface ReplyView {
  from: string;
  date: string;
  agrees: Agrees;
  /** "It partly agrees with the draft.", in the page's language. */
  agreesLabel: string;
  /** The task force's words, verbatim. */
  text: string;
  note: string;
  refs: string;
  /** The title of the criterion it answers, or "the scorecard as a whole", in the page's language. */
  about: string;
}

export interface RecommendationView {
  id: string;
  n: number;
  title: string;
  status: Status;
  statusLabel: string;
  /** Points it would gain: the weight less the points earned. */
  gain: number;
  gainText: string;
  recommendation: string;
}

export interface QuestionView {
  id: string;
  title: string;
  weight: number;
  question: string;
  /** What the rubric asks of the task force, for when the answer turns out to be no. */
  recommendation: string;
}

export interface HearingView {
  /** Not met and partly met criteria, the most points to gain first. */
  recommendations: RecommendationView[];
  /** Unknown criteria, the heaviest first, each as a question. */
  questions: QuestionView[];
  /** Per criterion id: what the criterion's page shows besides its facts. */
  byCriterion: Record<string, { recommendation: string; question: string; replies: ReplyView[]; anyReplies: boolean }>;
  /** Replies about the scorecard as a whole. */
  generalReplies: ReplyView[];
  replied: boolean;
  state: ReplyState;
  /** One sentence for page 1: whether the task force replied, and when. */
  replyLine: string;
  requested: string;
  deadline: string;
  any: boolean;
  /** Whether the scorecard's own section has anything to show (recommendations or general replies). */
  anyOnScorecard: boolean;
}

/** Sorts by a number, largest first; ties keep the rubric's order. */
const byLargest = <T>(items: readonly T[], key: (t: T) => number): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => key(b.item) - key(a.item) || a.i - b.i)
    .map((x) => x.item);

/** The gain in points if a criterion were met. */
export const gainOf = (c: Pick<CriterionResult, "weight" | "points">): number => round2(c.weight - c.points);

function replyLine(messages: Messages, state: ReplyState, replies: readonly Reply[], requested: string, deadline: string): string {
  switch (state) {
    case "replied": {
      const dates = [...new Set([...replies].map((r) => r.date).sort())].map((d) => formatDateIn(d, messages.locale) || d);
      return say(messages, "hearing.reply-line.replied", {
        count: dates.length,
        first: dates[0] ?? "",
        last: dates[dates.length - 1] ?? "",
      });
    }
    case "awaiting":
      return say(messages, "hearing.reply-line.awaiting", { requested, deadline });
    case "no-reply":
      return say(messages, "hearing.reply-line.no-reply", { requested, deadline });
    default:
      return say(messages, "hearing.reply-line.not-sent");
  }
}

/**
 * The recommendations, questions and replies of one scorecard, in the language of `messages`
 * (the rubric's words in it too: pass the rubric the card was scored with). `today` is the day
 * the scorecard shows.
 */
export function hearingView(
  tf: TaskForce,
  card: ScoreCard,
  rubric: Rubric | undefined,
  refs: Refs,
  today: string,
  messages: Messages = messagesFor("en"),
): HearingView {
  const date = (d: string): string => formatDateIn(d, messages.locale);
  const rubricById = new Map((rubric?.criteria ?? []).map((c) => [c.id, c]));
  const titleOf = new Map(card.criteria.map((c) => [c.id, c.title]));
  const replies = tf.review.replies ?? [];
  const replyView = (r: Reply): ReplyView => ({
    from: r.from,
    date: date(r.date) || r.date,
    agrees: r.agrees,
    agreesLabel: agreesText(messages, r.agrees),
    text: r.text,
    note: r.note ?? "",
    refs: refs(r.sources),
    about: r.about === "general" ? say(messages, "hearing.reply.about-general") : (titleOf.get(r.about) ?? r.about),
  });

  const open = card.criteria.filter((c) => c.status === "not-met" || c.status === "partly-met");
  const recommendations = byLargest(open, gainOf)
    .map((c) => ({ c, text: rubricById.get(c.id)?.recommendation ?? "" }))
    .filter(({ text }) => text)
    .map(({ c, text }, i) => ({
      id: c.id,
      n: i + 1,
      title: c.title,
      status: c.status,
      statusLabel: statusText(messages, c.status),
      gain: gainOf(c),
      gainText: say(messages, "hearing.gain", { n: gainOf(c) }),
      recommendation: text,
    }));
  const questions = byLargest(
    card.criteria.filter((c) => c.status === "unknown"),
    (c) => c.weight,
  ).map((c) => ({
    id: c.id,
    title: c.title,
    weight: c.weight,
    question: hearingQuestion(rubricById.get(c.id), c.question),
    recommendation: rubricById.get(c.id)?.recommendation ?? "",
  }));

  const byCriterion: HearingView["byCriterion"] = {};
  for (const c of card.criteria) {
    const mine = replies.filter((r) => r.about === c.id).map(replyView);
    const rc = rubricById.get(c.id);
    byCriterion[c.id] = {
      recommendation: c.status === "not-met" || c.status === "partly-met" ? (rc?.recommendation ?? "") : "",
      question: c.status === "unknown" ? hearingQuestion(rc, c.question) : "",
      replies: mine,
      anyReplies: mine.length > 0,
    };
  }
  // A reply about a criterion this rubric does not have is still the task force's word: print it with the general ones.
  const generalReplies = replies.filter((r) => r.about === "general" || !titleOf.has(r.about)).map(replyView);
  const state = replyState(tf.review, today);
  const requested = date(tf.review.requested ?? "");
  const deadline = date(replyDeadline(tf.review) ?? "");
  return {
    recommendations,
    questions,
    byCriterion,
    generalReplies,
    replied: replies.length > 0,
    state,
    replyLine: replyLine(messages, state, replies, requested, deadline),
    requested,
    deadline,
    any: recommendations.length > 0 || questions.length > 0 || generalReplies.length > 0,
    anyOnScorecard: recommendations.length > 0 || generalReplies.length > 0,
  };
}

// ---------------------------------------------------------------- the one-page handout

/** How much of each text the handout keeps, from whole (0) to tight (3): long text is cut, never spilled. */
export const HANDOUT_LEVELS = [
  { name: 300, line: 300, reason: 420, recommendation: 600, question: 320, sources: 240 },
  // A gentle cut first: Spanish runs about a fifth longer than English, and should lose as little as it can.
  { name: 220, line: 240, reason: 320, recommendation: 400, question: 260, sources: 180 },
  { name: 160, line: 180, reason: 240, recommendation: 260, question: 200, sources: 130 },
  { name: 110, line: 130, reason: 150, recommendation: 170, question: 130, sources: 90 },
  { name: 70, line: 90, reason: 90, recommendation: 110, question: 90, sources: 55 },
] as const;

/**
 * Cuts text to at most `max` characters. A whole first sentence that fits is kept as it is;
 * otherwise the cut is at a word where it can be, marked with "…".
 */
export function clipText(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  // A sentence ends before a capital, an opening quote or bracket, or Spanish's ¿ and ¡.
  const sentence = /^.*?[.!?](?= [\p{Lu}"“(¿¡])/u.exec(t)?.[0];
  if (sentence && sentence.length <= max && sentence.length >= max * 0.4) return sentence;
  const cut = t.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

export interface HandoutOptions {
  /** Where the full scorecards can be read (scorecard.config.yaml's site_url). */
  siteUrl?: string;
  /** The full scorecard's file name, such as los-angeles-….pdf. */
  pdfName: string;
}

/** What the hearing handout needs of the scorecard's view (src/render/view.ts buildView gives all of it). */
export interface HandoutSource {
  /** The page's words: the handout is in the scorecard's language. */
  messages: Messages;
  /** The language of the data file's own words (names, notes), for lang attributes. */
  dataLang?: string;
  title: string;
  name: string;
  jurisdiction: string;
  /** False when the jurisdiction is the page's "Jurisdiction unknown" rather than the data's place names. */
  jurisdictionKnown?: boolean;
  draft: boolean;
  fictional: boolean;
  reviewLabel: string;
  /** The DRAFT mark in the page's word, SVG built in code; "" when not a draft. */
  draftMark?: string;
  grade: string;
  /** The grade in the page's words ("Incompleta"); the grade itself when absent. */
  gradeText?: string;
  incomplete: boolean;
  percent: number;
  points: number;
  knownPoints: number;
  coverage: number;
  provenance: { dataFile: string; commit: string; dirty: boolean; rubricVersion: string; date: string; dateText: string };
  margins: { top: string; topRight: string; provenance: string };
  info: { title: string; subject: string; keywords: string; author: string };
  hearing: HearingView;
}

/**
 * The facts that weigh most: the known criteria with the largest weight, each with its reason
 * (in the language the card was scored in) and the sources its status rests on.
 */
export function weightiestFacts(tf: TaskForce, card: ScoreCard, count = 3) {
  const byId = new Map(tf.sources.map((s) => [s.id, s]));
  const known = card.criteria.filter((c) => c.status !== "unknown");
  return byLargest(known, (c) => c.weight)
    .slice(0, count)
    .map((c) => {
      const ids = [
        ...new Set(c.facts.filter((f) => f.value !== "unknown" && !f.context).flatMap((f) => f.sources.map((cite) => cite.source))),
      ];
      const sources = ids.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
      return { id: c.id, title: c.title, status: c.status, reason: c.reason, sources };
    });
}

/** The handout's data at one level of fit, in the scorecard's language (`view.messages`). */
export function handoutView(view: HandoutSource, facts: ReturnType<typeof weightiestFacts>, options: HandoutOptions, level: number) {
  const fit = HANDOUT_LEVELS[Math.max(0, Math.min(level, HANDOUT_LEVELS.length - 1))]!;
  const messages = view.messages;
  const h = view.hearing;
  // Three asks: those of the criteria it does not meet, most points first; when there are fewer
  // than three, the heaviest unknowns follow, marked as asks in case the answer is no.
  const firm = h.recommendations.slice(0, 3).map((r) => ({ ...r, unknown: false }));
  const iffy = h.questions
    .filter((q) => q.recommendation)
    .slice(0, 3 - firm.length)
    .map((q) => ({
      id: q.id,
      n: 0,
      title: q.title,
      status: "unknown" as const,
      statusLabel: statusText(messages, "unknown"),
      gain: q.weight,
      gainText: say(messages, "hearing.worth-unknown", { n: q.weight }),
      recommendation: q.recommendation,
      unknown: true,
    }));
  const asks = [...firm, ...iffy];
  // An unknown already turned into an ask is not asked again as a question.
  const questions = h.questions.filter((q) => !iffy.some((a) => a.id === q.id));
  const where = options.siteUrl
    ? { label: say(messages, "handout.where-site"), target: clipText(options.siteUrl, 120), file: clipText(options.pdfName, 90) }
    : { label: say(messages, "handout.where-file"), target: clipText(options.pdfName, 120), file: "" };
  return {
    /** The page's language and its words: the template's {{t}} reads `messages`. */
    lang: messages.lang,
    messages,
    dataLang: view.dataLang ?? "en",
    title: say(messages, "handout.title", { name: view.name }),
    level,
    name: clipText(view.name, fit.name),
    jurisdiction: clipText(view.jurisdiction, fit.line),
    jurisdictionLang: view.jurisdictionKnown === false ? messages.lang : (view.dataLang ?? "en"),
    draft: view.draft,
    draftMark: view.draftMark ?? "",
    fictional: view.fictional,
    grade: view.gradeText ?? view.grade,
    incomplete: view.incomplete,
    percent: view.percent,
    points: view.points,
    knownPoints: view.knownPoints,
    coverage: view.coverage,
    replyLine: clipText(h.replyLine, fit.line + 60),
    facts: facts.map((f) => {
      const sources = f.sources.map((s) => shortCite(s, messages));
      return {
        id: f.id,
        status: f.status,
        statusLabel: statusText(messages, f.status),
        title: clipText(f.title, 80),
        reason: clipText(f.reason, fit.reason),
        sources: clipText(sources.join("; "), fit.sources),
        sourceCount: sources.length,
      };
    }),
    recommendations: asks.map((r) => ({
      ...r,
      title: clipText(r.title, 80),
      recommendation: clipText(r.recommendation, fit.recommendation),
    })),
    questions: questions.slice(0, 3).map((q) => ({ ...q, title: clipText(q.title, 80), question: clipText(q.question, fit.question) })),
    moreRecommendations: Math.max(0, h.recommendations.length - firm.length),
    moreQuestions: Math.max(0, questions.length - 3),
    where,
    provenance: view.provenance,
    margins: { ...view.margins, top: clipText(view.margins.top, 110), provenance: clipText(view.margins.provenance, 190) },
    info: { ...view.info, title: say(messages, view.draft ? "handout.title-draft" : "handout.title", { name: view.name }) },
  };
}

export type HandoutView = ReturnType<typeof handoutView>;
