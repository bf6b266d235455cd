import type { Cite, Count, Operation, PolicyId, Role, Sector, Source, SourceKind, TaskForce, YesNo } from "../model.ts";
import { isKnown } from "../model.ts";
import { format, formatDate as formatDateIn, formatValue, type Messages } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { attributionOf } from "../score/attribution.ts";
import { countValue, dateMsg, factDate, latest, operationDate } from "../score/criteria/util.ts";
import { grade as gradeFor, round2 } from "../score/score.ts";
import type { FactDate, Rubric, ScoreCard, Status } from "../score/types.ts";
import { NO_EDITIONS, type EditionsView } from "../history/editions.ts";
import { barChart, draftMarkSvg, type Bar, type BarGroup, type Fill } from "./charts.ts";
import { hearingQuestion, hearingView } from "./hearing.ts";

export const statusLabel: Record<Status, string> = {
  met: "Met",
  "partly-met": "Partly met",
  "not-met": "Not met",
  unknown: "Unknown",
};

export const sectorLabel: Record<Sector, string> = {
  "law-enforcement": "Police, sheriff or probation",
  prosecution: "Prosecutors",
  "federal-agency": "Federal agencies",
  "government-social-services": "Government social services",
  "victim-service-provider": "Victim service providers",
  "survivor-led": "Survivor-led groups",
  "sex-worker-led": "Sex-worker-led groups",
  "targeted-community": "Targeted communities",
  "health-harm-reduction": "Health and harm reduction",
  "faith-based": "Faith-based groups",
  "anti-sex-work-advocacy": "Anti-sex-work advocacy",
  academic: "Academic",
  other: "Other",
  unknown: "Sector unknown",
};

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

const roleLabel: Record<Role, string> = { lead: "Lead agency", "voting-member": "Voting member", advisory: "Advisory", partner: "Partner", unknown: "unknown" };

const operationTypeLabel: Record<Operation["type"], string> = {
  "sting-selling-sex": "Sting on people selling sex",
  "sting-sex-trade": "Sting on the sex trade",
  "buyer-sting": "Sting on buyers",
  "trafficker-investigation": "Trafficking investigation",
  outreach: "Outreach",
  multiple: "Several kinds",
  other: "Other",
  unknown: "unknown",
};

export const policyLabel: Record<PolicyId, string> = {
  non_arrest_of_people_selling_sex: "People who sell sex are not arrested",
  non_punishment_of_victims: "Victims are not punished for crimes they were forced to commit",
  no_condoms_as_evidence: "Condoms are not used as evidence",
  services_without_arrest_or_cooperation: "Services without arrest or police cooperation",
  low_barrier_services: "Low-barrier services",
  immigration_protections: "Protections for immigrants",
  publishes_data_by_charge: "Publishes arrest data by charge",
  community_oversight: "Community oversight",
  collateral_consequences_support: "Help with the consequences of arrest",
};

const reviewLabel: Record<TaskForce["review"]["status"], string> = {
  draft: "Draft, not final",
  "sent-for-reply": "Draft sent to the task force for its reply, not final",
  replied: "Draft answered by the task force, not final",
  "no-reply": "Draft not answered by the task force, not final",
  published: "Published",
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

/** What kind of source it is, as the sources list says it. */
export const sourceKindLabel: Record<SourceKind, string> = {
  "task-force": "the task force's own records",
  government: "government data",
  court: "court records",
  news: "news report",
  "op-ed": "op-ed",
  advocacy: "advocacy publication",
  report: "report",
  academic: "peer-reviewed study",
  "task-force-reply": "the task force's reply",
  other: "other",
};

const isUnknown = (v: unknown): boolean => v === undefined || v === "unknown";

/** The English catalogue, for the parts of the page not yet in other languages. */
const english = (): Messages => messagesFor("en");
const formatDate = (date: string): string => formatDateIn(date, english().locale);
const words = (v: Count | YesNo | undefined): string => (typeof v === "object" || typeof v === "number" || v === undefined || v === "unknown" || v === "none-reported" ? formatValue(english(), countValue(v as Count | undefined)) : v);

/** True when even the latest day a date can mean is more than `years` before the scorecard's date. */
export function isDated(d: FactDate | undefined, today: string, years: number): boolean {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return false;
  const limit = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  return latest(d) < limit;
}

/** "21 August 2018 (year inferred)", "2015 (the source's date)". */
const dateText = (d: FactDate | undefined): string => (d ? format(english(), dateMsg(d)) : "");

/** "21 August 2018 (year inferred)", or the period, or "date unknown". */
function when(tf: TaskForce, op: Operation): string {
  const d = operationDate(tf, op);
  return (isKnown(op.date) && d ? dateText(d) : "") || op.period || "date unknown";
}

/** Everything the template shows, worked out in code so the template stays logic-free. */
export function buildView(tf: TaskForce, card: ScoreCard, provenance: Provenance, rubric?: Rubric, publisher = "", editions: EditionsView = NO_EDITIONS) {
  const sourceNumber = new Map<string, number>(tf.sources.map((s, i) => [s.id, i + 1]));
  /** "[1, 4]": numbered references into the source list, each once, in order. */
  const refs = (cs: readonly Cite[] | undefined): string => {
    const ns = [...new Set((cs ?? []).map((c) => sourceNumber.get(c.source)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
    return ns.length ? `[${ns.join(", ")}]` : "";
  };
  const jurisdiction = [tf.jurisdiction.city, tf.jurisdiction.county, tf.jurisdiction.region, tf.jurisdiction.state, tf.jurisdiction.country].filter(isKnown).join(", ");
  const draft = tf.review.status !== "published";
  const fictional = tf.fictional === "yes";
  const builtOn = formatDate(provenance.date) || provenance.date;

  const staleYears = rubric?.grading.stale_after_years ?? 5;
  const dated = (d: FactDate | undefined) => isDated(d, provenance.date, staleYears);
  /** Each citation's quote, with its page or section, for printing beside the fact. */
  const quotes = (cs: readonly Cite[]) =>
    cs.filter((c) => c.quote).map((c) => ({ text: c.quote!, ref: refs([c]), where: [c.page ? `p. ${c.page}` : "", c.section ?? ""].filter(Boolean).join(", ") }));
  const whose = (cs: readonly Cite[]) => {
    const a = attributionOf(tf, cs.map((c) => c.source));
    return a ? format(english(), a) : "";
  };

  const quotedIn = new Map<string, number>();
  const criteria = card.criteria.map((c, i) => {
    const rc = rubric?.criteria.find((r) => r.id === c.id);
    const newest = c.asOf[0];
    // A quote is printed once, beside the first fact that cites it; later facts point back to it.
    const fresh = (cs: readonly Cite[]) => {
      const shown: { text: string; ref: string; where: string }[] = [];
      const earlier = new Set<number>();
      for (const q of quotes(cs)) {
        const first = quotedIn.get(q.text);
        if (first === undefined) {
          quotedIn.set(q.text, i + 1);
          shown.push(q);
        } else if (first !== i + 1) earlier.add(first);
      }
      return { shown, seeAbove: [...earlier].map((n) => `criterion ${n}`).join(", ") };
    };
    return {
      n: i + 1,
      id: c.id,
      title: c.title,
      status: c.status,
      statusLabel: statusLabel[c.status],
      unknown: c.status === "unknown",
      points: c.points,
      weight: c.weight,
      reason: c.reason,
      // What no source answers is asked as the hearing would ask it (src/render/hearing.ts).
      question: c.status === "unknown" ? hearingQuestion(rc, c.question) : (c.question ?? rc?.question ?? ""),
      asOf: c.asOf.map(dateText).join("; "),
      dated: c.asOf.some(dated),
      newest: newest ? dateText(newest) : "",
      facts: c.facts.map((f) => {
        const q = fresh(f.sources);
        return {
        label: f.label,
        value: f.value,
        unknown: f.value === "unknown",
        refs: refs(f.sources),
        quotes: q.shown,
        seeAbove: q.seeAbove,
        whose: whose(f.sources),
        asOf: dateText(f.asOf),
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

  const view = {
    title: `${tf.name}: accountability scorecard`,
    name: tf.name,
    jurisdiction: jurisdiction || "Jurisdiction unknown",
    draft,
    fictional,
    reviewLabel: reviewLabel[tf.review.status],
    lastReviewed: formatDate(tf.review.last_reviewed) || tf.review.last_reviewed,
    /** Recommendations, hearing questions and the task force's replies (src/render/hearing.ts). */
    hearing: hearingView(tf, card, rubric, refs, provenance.date),
    grade: card.grade,
    incomplete: card.grade === "Incomplete",
    minCoverage: rubric ? Math.round(rubric.grading.min_coverage * 100) : undefined,
    points: card.points,
    knownPoints: card.scoredMaxPoints ?? card.maxPoints - unknownWeight,
    maxPoints: card.maxPoints,
    percent: card.percent,
    coverage: Math.round(card.coverage * 100),
    keyFacts: keyFacts(tf, refs, whose, dated),
    criteria,
    newestFact: newestFact ? dateText(newestFact) : "",
    newestScored: newestScored ? dateText(newestScored) : "",
    allScoredDated: scoredDates.length > 0 && scoredDates.every(dated),
    newestShownLater: Boolean(newestFact && newestScored && latest(newestFact) > latest(newestScored)),
    staleYears,
    anyDated: criteria.some((c) => c.dated),
    confidence: confidenceView(tf, card),
    membership: membershipView(tf, refs, quotes, dated),
    operations: tf.operations.map((op) => ({
      name: op.name,
      when: when(tf, op),
      dated: dated(operationDate(tf, op)),
      places: op.places?.join(", ") ?? "",
      type: operationTypeLabel[op.type],
      officers: typeof op.officers_deployed === "object" ? op.officers_deployed.words : words(op.officers_deployed),
      arrests: words(op.arrests.total),
      prostitution: words(op.arrests.selling_or_buying_sex ?? op.arrests.selling_sex),
      trafficking: op.arrests.trafficking_related !== undefined && !isKnown(op.arrests.trafficking) ? `${words(op.arrests.trafficking_related)} “trafficking-related”` : words(op.arrests.trafficking),
      referred: words(op.referred_to_services),
      conditional: words(op.services_conditional_on_arrest),
      note: op.note ?? "",
      refs: refs(op.sources),
      quotes: quotes(op.sources ?? []),
      whose: whose(op.sources ?? []),
    })),
    representation: representationView(tf, refs, quotes, whose),
    policies: (Object.keys(policyLabel) as PolicyId[]).map((id) => {
      const p = tf.policies[id];
      return { label: policyLabel[id], status: p?.status ?? "unknown", unknown: isUnknown(p?.status), note: p?.note ?? "", refs: refs(p?.sources), quotes: quotes(p?.sources ?? []) };
    }),
    methodology: rubric ? methodologyView(rubric) : undefined,
    sources: tf.sources.map((s, i) => ({ n: i + 1, ...sourceView(s) })),
    unknowns: {
      criteria: unknownCriteria.map((c) => ({ title: c.title, weight: c.weight })),
      any: unknownCriteria.length > 0,
      weight: unknownWeight,
      share: card.maxPoints > 0 ? Math.round((unknownWeight / card.maxPoints) * 100) : 0,
      bestPercent: best,
      worstPercent: worst,
      bestPoints: round2(card.points + unknownWeight),
      worstPoints: card.points,
      bestGrade: rubric ? gradeFor(best, 1, rubric) : "",
      worstGrade: rubric ? gradeFor(worst, 1, rubric) : "",
      fields: unknownFields(tf),
    },
    charts: {
      membership: membershipChart(tf),
      arrests: arrestsCharts(tf),
    },
    draftMark: draft ? draftMarkSvg() : "",
    /** Earlier editions of this scorecard (src/history/editions.ts); the chart is SVG built in code. */
    editions,
    provenance: { ...provenance, dateText: builtOn },
    /** Short lines for the page margins; the renderer escapes them for CSS. */
    margins: {
      top: `${tf.name}${fictional ? " · FICTIONAL EXAMPLE" : ""}`,
      topRight: draft ? "DRAFT · NOT FINAL" : "",
      provenance: `Data: ${provenance.dataFile} · commit ${provenance.commit}${provenance.dirty ? " + uncommitted changes" : ""} · rubric ${provenance.rubricVersion} · ${builtOn}`,
    },
    info: documentInfo(tf, card, publisher || rubric?.publisher || "Task force accountability scorecard"),
  };
  return view;
}

function documentInfo(tf: TaskForce, card: ScoreCard, author: string): DocumentInfo {
  const status = tf.review.status === "published" ? "" : " (draft)";
  return {
    title: `${tf.name}: accountability scorecard${status}`,
    subject: `How ${tf.name} measures up against the Task Force Accountability Rubric ${card.rubricVersion}: grade ${card.grade}, ${card.percent}% of the points that could be scored.${tf.fictional === "yes" ? " Fictional example." : ""}`,
    keywords: ["human trafficking task force", "accountability", "scorecard", tf.name, ...[tf.jurisdiction.state, tf.jurisdiction.country].filter(isKnown)].join(", "),
    author,
  };
}

type Refs = (cs: readonly Cite[] | undefined) => string;
type Quotes = (cs: readonly Cite[]) => { text: string; ref: string; where: string }[];

/**
 * The facts that matter most: who is named at the table, and the figures of the most recent
 * operation that has any, each in the source's words and said to be the source's.
 */
function keyFacts(tf: TaskForce, refs: Refs, whose: (cs: readonly Cite[]) => string, dated: (d: FactDate | undefined) => boolean) {
  const m = tf.membership;
  const members = m.members.filter((x) => x.sector !== "unknown");
  const le = members.filter((x) => ["law-enforcement", "prosecution", "federal-agency"].includes(x.sector));
  const listCites = m.members.flatMap((x) => x.sources ?? []);
  const listDate = factDate(tf, m.as_of, m.as_of_basis, listCites);
  const complete = m.complete === "yes";
  const asOfText = listDate ? ` as of ${dateText(listDate)}` : "";
  const allLe = le.length === members.length;
  const membership = members.length
    ? {
        // A list that may be incomplete gives no headline number: only what it names.
        big: complete,
        sentence: `${members.length} ${members.length === 1 ? "member is" : "members are"} named${asOfText}, ${allLe ? "all of them" : `${le.length} of them`} police, prosecutors or federal agencies; no source says the list is complete`,
        value: complete ? `${le.length} of ${members.length}` : `${le.length}`,
        label: complete
          ? `members in a complete list${listDate ? ` as of ${dateText(listDate)}` : ""} are police, prosecutors or federal agencies`
          : `of the ${members.length} members named${listDate ? ` as of ${dateText(listDate)}` : ""} are police, prosecutors or federal agencies; no source says the list is complete`,
        whose: whose(listCites),
        refs: refs(listCites),
        dated: dated(listDate),
      }
    : undefined;
  const counts = (m.counts ?? []).map((c) => {
    const d = factDate(tf, c.as_of, c.as_of_basis, c.sources ?? []);
    return { text: c.groups.map((g) => `${words(g.count)} ${g.label}`).join(", "), when: dateText(d), whose: whose(c.sources ?? []), refs: refs(c.sources), dated: dated(d) };
  });
  const withNumbers = tf.operations.filter((op) => [op.arrests.total, op.officers_deployed, op.arrests.selling_or_buying_sex, op.arrests.selling_sex].some((v) => v !== undefined && v !== "unknown"));
  const op = [...withNumbers].sort((a, b) => latest(operationDate(tf, b)).localeCompare(latest(operationDate(tf, a))))[0];
  const fact = (label: string, v: Count | undefined) => ({ value: typeof v === "object" ? v.words : words(v), label, unknown: isUnknown(v), text: typeof v !== "number" });
  const operation = op
    ? {
        caption: `${op.name}, ${when(tf, op)}`,
        whose: whose(op.sources ?? []),
        refs: refs(op.sources),
        dated: dated(operationDate(tf, op)),
        facts: [
          fact("officers deployed", op.officers_deployed),
          ...(op.arrests.total !== "unknown" || op.arrests.selling_or_buying_sex === undefined ? [fact("arrests in all", op.arrests.total)] : []),
          ...(op.arrests.selling_or_buying_sex !== undefined ? [fact("arrests for prostitution and solicitation charges", op.arrests.selling_or_buying_sex)] : []),
          fact("arrests for trafficking", op.arrests.trafficking),
          fact("people referred to services", op.referred_to_services),
        ],
      }
    : undefined;
  return { membership, counts, operation, any: Boolean(membership || operation || counts.length) };
}

function membershipView(tf: TaskForce, refs: Refs, quotes: Quotes, dated: (d: FactDate | undefined) => boolean) {
  const m = tf.membership;
  const listDate = factDate(tf, m.as_of, m.as_of_basis, m.members.flatMap((x) => x.sources ?? []));
  return {
    asOf: listDate ? dateText(listDate) : "",
    dated: dated(listDate),
    completeness: m.complete === "yes" ? "A source says this list names every member." : m.complete === "no" ? "A source says this list leaves members out." : "No source says whether this list names every member.",
    note: m.note ?? "",
    members: m.members.map((x) => ({ name: x.name, sector: sectorLabel[x.sector], role: roleLabel[x.role], votes: x.votes, refs: refs(x.sources) })),
    counts: (m.counts ?? []).map((c) => {
      const d = factDate(tf, c.as_of, c.as_of_basis, c.sources ?? []);
      return { asOf: dateText(d), dated: dated(d), text: c.groups.map((g) => `${words(g.count)} ${g.label}`).join(", "), note: c.note ?? "", refs: refs(c.sources), quotes: quotes(c.sources ?? []) };
    }),
    leads: (tf.lead_agencies ?? []).map((l) => ({ name: l.name, refs: refs(l.sources), asOf: dateText(factDate(tf, undefined, undefined, l.sources ?? [])) })),
  };
}

/** Page 1's account of what the grade rests on. */
function confidenceView(tf: TaskForce, card: ScoreCard) {
  const c = card.confidence;
  const name = (id: string) => {
    const s = tf.sources.find((x) => x.id === id);
    if (!s) return id;
    const kind = sourceKindLabel[s.type];
    const by = s.author && s.author !== "unknown" ? s.author : s.publisher;
    return `${/^[aeiou]/.test(kind) ? "an" : s.type === "task-force" || s.type === "task-force-reply" ? "" : "a"} ${kind} (${by}, ${s.date.slice(0, 4)}${s.date_basis === "inferred" || s.date_basis === "year-inferred" ? ", year inferred" : ""})`.trim();
  };
  const sole = c.soleSources.map((x) => `${x.criteria} ${x.criteria === 1 ? "criterion" : "criteria"} and ${x.weight} of the ${card.scoredMaxPoints} scored points rest on ${name(x.source)} alone`);
  const w = c.withoutSecondHand;
  const scoredWeight = card.scoredMaxPoints;
  const onRecords = round2(scoredWeight - c.secondHand.weight);
  const test = c.secondHand.criteria.length > 0 && onRecords === 0
    ? `All ${scoredWeight} scored points rest only on news reports, op-eds or advocacy; none rest on the task force's own records, government data or court records.${w.grade === card.grade ? "" : ` Without them, the grade would be ${w.grade}.`}`
    : c.secondHand.criteria.length === 0
    ? "No scored criterion rests only on news reports, op-eds or advocacy."
    : `${c.secondHand.criteria.length} ${c.secondHand.criteria.length === 1 ? "criterion rests" : "criteria rest"} only on news reports, op-eds or advocacy (${c.secondHand.weight} points). Without ${c.secondHand.criteria.length === 1 ? "it" : "them"}, the grade would be ${w.grade}${w.grade === "Incomplete" ? "" : ` (${w.percent}% of ${w.scoredMaxPoints} points)`}.`;
  return { sole, test, fragile: c.fragile, any: sole.length > 0 || c.secondHand.criteria.length > 0 };
}

function representationView(tf: TaskForce, refs: Refs, quotes: Quotes, whose: (cs: readonly Cite[]) => string) {
  const r = tf.representation;
  const row = (label: string, v: Count | YesNo) => ({ label, value: words(v), unknown: isUnknown(v) });
  return {
    rows: [
      row("Seats for survivor-led groups", r.survivor_led_seats),
      row("Seats for sex-worker-led groups", r.sex_worker_led_seats),
      row("Seats for groups from the targeted communities", r.targeted_community_seats),
      row("Those seats vote", r.seats_vote),
      row("Meetings open to the public", r.meetings_public),
      row("Minutes published", r.minutes_public),
    ],
    note: r.note ?? "",
    refs: refs(r.sources),
    quotes: quotes(r.sources ?? []),
    whose: whose(r.sources ?? []),
  };
}

/** A figure as a bar: an approximation is drawn at its number with the source's words; none reported and unknown get no bar. */
function bar(label: string, v: Count, fill: Fill): Bar {
  if (typeof v === "number") return { label, value: v, fill };
  if (v === "unknown" || v === "none-reported") return { label, value: "unknown", fill, text: words(v) };
  return { label, value: v.approximately, fill, text: v.words };
}

function membershipChart(tf: TaskForce): string {
  const groups: BarGroup[] = [];
  const members = tf.membership.members;
  if (members.length > 0) {
    const bySector = new Map<Sector, number>();
    for (const m of members) bySector.set(m.sector, (bySector.get(m.sector) ?? 0) + 1);
    const order = Object.keys(sectorLabel) as Sector[];
    const bars: Bar[] = order.filter((s) => bySector.has(s)).map((s) => ({ label: sectorLabel[s], value: bySector.get(s)!, fill: sectorFill[s] }));
    const asOf = tf.membership.as_of && tf.membership.as_of !== "unknown" ? ` (as of ${tf.membership.as_of})` : "";
    groups.push({ title: `${members.length} members named${asOf}, by sector${tf.membership.complete === "yes" ? "" : " (a list that may be incomplete)"}`, bars });
  }
  for (const c of tf.membership.counts ?? []) {
    groups.push({
      title: `Member count reported as of ${c.as_of}`,
      bars: c.groups.map((g) => bar(g.label, g.count, g.kind === "government" ? "solid" : g.kind === "non-government" ? "open" : sectorFill[g.kind])),
    });
  }
  if (groups.length === 0) return "";
  return barChart(groups, { idPrefix: "members", label: "Membership by sector", scale: "shared" });
}

/** One small chart per operation, so they can sit side by side. */
function arrestsCharts(tf: TaskForce): string[] {
  return tf.operations.map((op, i) => {
    const a = op.arrests;
    const bars: Bar[] = [bar("All arrests", a.total, "solid")];
    const charge = (label: string, v: Count | undefined, fill: Fill) => {
      if (v !== undefined) bars.push(bar(label, v, fill));
    };
    charge("Arrests: selling sex", a.selling_sex, "hatch");
    charge("Arrests: buying sex", a.buying_sex, "lines");
    charge("Arrests: prostitution or solicitation", a.selling_or_buying_sex, "hatch");
    charge("Arrests: trafficking", a.trafficking, "cross");
    charge("Arrests: “trafficking-related”", a.trafficking_related, "cross");
    charge("Arrests: other charges", a.other, "lines");
    bars.push(bar("Referred to services", op.referred_to_services, "dots"));
    const title = `${op.name} (${when(tf, op)})`;
    return barChart([{ title, bars }], { idPrefix: `arrests-${i}`, label: `Arrests by charge and people referred to services: ${title}`, scale: "per-group" });
  });
}

function methodologyView(rubric: Rubric) {
  const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  // Many criteria cite the same guidance: list each publication once and refer to it by number.
  const cited: { key: string; n: number; publisher: string; title: string; date: string; url: string | undefined }[] = [];
  const citeNumber = (ct: Rubric["criteria"][number]["citations"][number]): number => {
    const key = `${ct.publisher}|${ct.title}|${ct.date ?? ""}|${ct.url ?? ""}`;
    const found = cited.find((c) => c.key === key);
    if (found) return found.n;
    cited.push({ key, n: cited.length + 1, publisher: ct.publisher, title: ct.title, date: formatDate(ct.date ?? "") || (ct.date ?? ""), url: safeUrl(ct.url) });
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
  return {
    title: rubric.title,
    version: rubric.version,
    publisher: rubric.publisher,
    totalWeight: total,
    minCoverage: Math.round(rubric.grading.min_coverage * 100),
    evidence: rubric.grading.evidence,
    grades: rubric.grading.grades.map((g) => ({ grade: g.grade, min: g.min_percent })),
    criteria,
    guidance: cited.map(({ key: _key, ...rest }) => rest),
  };
}

/** The facts this file leaves unknown, in words an advocate can go and look up. */
export function unknownFields(tf: TaskForce): string[] {
  const out: string[] = [];
  const r = tf.representation;
  const repr: [string, Count | YesNo][] = [
    ["seats for survivor-led groups", r.survivor_led_seats],
    ["seats for sex-worker-led groups", r.sex_worker_led_seats],
    ["seats for groups from the targeted communities", r.targeted_community_seats],
    ["whether those seats vote", r.seats_vote],
    ["whether meetings are open to the public", r.meetings_public],
    ["whether minutes are published", r.minutes_public],
  ];
  for (const [label, v] of repr) if (isUnknown(v)) out.push(`Membership: ${label}`);
  const members = tf.membership.members;
  const count = (f: (m: (typeof members)[number]) => boolean) => members.filter(f).length;
  const sectorUnknown = count((m) => m.sector === "unknown");
  const roleUnknown = count((m) => m.role === "unknown");
  const votesUnknown = count((m) => m.votes === "unknown");
  if (sectorUnknown) out.push(`Membership: the sector of ${sectorUnknown} of ${members.length} named members`);
  if (roleUnknown) out.push(`Membership: the role of ${roleUnknown} of ${members.length} named members`);
  if (votesUnknown) out.push(`Membership: whether ${votesUnknown} of ${members.length} named members vote`);
  for (const op of tf.operations) {
    const missing: string[] = [];
    if (!isKnown(op.date) && !op.period) missing.push("date");
    if (isUnknown(op.officers_deployed)) missing.push("officers deployed");
    const a = op.arrests;
    const arrestFields: [string, Count | undefined][] = [
      ["all arrests", a.total],
      ["arrests for selling sex", a.selling_sex],
      ["arrests for buying sex", a.buying_sex],
      ["arrests for trafficking", a.trafficking],
      ["arrests on other charges", a.other],
    ];
    for (const [label, v] of arrestFields) if (v === "unknown") missing.push(label);
    if (op.minors?.arrested === "unknown") missing.push("minors arrested");
    if (op.minors?.identified === "unknown") missing.push("minors identified");
    if (op.victims_identified === "unknown") missing.push("victims identified");
    if (isUnknown(op.referred_to_services)) missing.push("people referred to services");
    if (isUnknown(op.services_conditional_on_arrest)) missing.push("whether services depended on arrest");
    if (op.demographics?.people_arrested === "unknown") missing.push("who was arrested (race, gender, age)");
    if (missing.length) out.push(`${op.name}: ${missing.join(", ")}`);
  }
  for (const id of Object.keys(policyLabel) as PolicyId[]) {
    if (isUnknown(tf.policies[id]?.status)) out.push(`Policy: ${policyLabel[id].charAt(0).toLowerCase()}${policyLabel[id].slice(1)}`);
  }
  return out;
}

/** Only http(s) addresses become links; anything else is shown as plain text or dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

function sourceView(s: Source) {
  const url = safeUrl(s.url);
  return {
    title: s.title === "unknown" ? "Title not recorded" : s.title,
    titleUnknown: s.title === "unknown",
    author: s.author && s.author !== "unknown" ? s.author : "",
    onBehalfOf: s.on_behalf_of ?? "",
    kind: sourceKindLabel[s.type].charAt(0).toUpperCase() + sourceKindLabel[s.type].slice(1),
    publisher: s.publisher,
    date: formatDate(s.date) ? `${formatDate(s.date)}${s.date_basis === "inferred" || s.date_basis === "year-inferred" ? " (inferred)" : ""}` : "date unknown",
    url,
    /** An address that is not http(s) is kept visible as text, never as a link. */
    urlText: s.url && !url ? s.url : "",
    identifier: s.identifier ?? "",
    note: s.note ?? "",
  };
}
