import type { Count, Operation, PolicyId, Role, Sector, Source, TaskForce, YesNo } from "../model.ts";
import { isKnown } from "../model.ts";
import { formatDate } from "../score/criteria/describe.ts";
import { grade as gradeFor, round2 } from "../score/score.ts";
import type { Rubric, ScoreCard, Status } from "../score/types.ts";
import { NO_EDITIONS, type EditionsView } from "../history/editions.ts";
import { barChart, draftMarkSvg, type Bar, type BarGroup, type Fill } from "./charts.ts";

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
  published: "Published",
};

const replyLabel: Record<NonNullable<TaskForce["review"]["reply"]>["status"], string> = {
  "not-requested": "not yet asked",
  requested: "asked, no reply yet",
  received: "replied",
  declined: "declined to reply",
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

const show = (v: Count | YesNo | undefined): string => (v === undefined ? "unknown" : String(v));
const isUnknown = (v: unknown): boolean => v === undefined || v === "unknown";

/** "21 August 2018", or the period, or "date unknown". */
function when(op: Operation): string {
  return formatDate(op.date) || op.period || "date unknown";
}

/** Everything the template shows, worked out in code so the template stays logic-free. */
export function buildView(tf: TaskForce, card: ScoreCard, provenance: Provenance, rubric?: Rubric, publisher = "", editions: EditionsView = NO_EDITIONS) {
  const sourceNumber = new Map<string, number>(tf.sources.map((s, i) => [s.id, i + 1]));
  /** "[1, 4]": numbered references into the source list, each once, in order. */
  const refs = (ids: readonly string[] | undefined): string => {
    const ns = [...new Set((ids ?? []).map((id) => sourceNumber.get(id)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
    return ns.length ? `[${ns.join(", ")}]` : "";
  };
  const jurisdiction = [tf.jurisdiction.city, tf.jurisdiction.county, tf.jurisdiction.region, tf.jurisdiction.state, tf.jurisdiction.country].filter(isKnown).join(", ");
  const draft = tf.review.status !== "published";
  const fictional = tf.fictional === "yes";
  const dateText = formatDate(provenance.date) || provenance.date;

  const criteria = card.criteria.map((c, i) => {
    const rc = rubric?.criteria.find((r) => r.id === c.id);
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
      question: c.question ?? rc?.question ?? "",
      facts: c.facts.map((f) => ({ label: f.label, value: f.value, unknown: f.value === "unknown", refs: refs(f.sources) })),
    };
  });

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
    reply: tf.review.reply ? { label: replyLabel[tf.review.reply.status], date: formatDate(tf.review.reply.date ?? ""), summary: tf.review.reply.summary ?? "", refs: refs(tf.review.reply.sources) } : undefined,
    grade: card.grade,
    incomplete: card.grade === "Incomplete",
    minCoverage: rubric ? Math.round(rubric.grading.min_coverage * 100) : undefined,
    points: card.points,
    knownPoints: card.scoredMaxPoints ?? card.maxPoints - unknownWeight,
    maxPoints: card.maxPoints,
    percent: card.percent,
    coverage: Math.round(card.coverage * 100),
    keyFacts: keyFacts(tf, refs),
    criteria,
    membership: membershipView(tf, refs),
    operations: tf.operations.map((op) => ({
      name: op.name,
      when: when(op),
      places: op.places?.join(", ") ?? "",
      type: operationTypeLabel[op.type],
      officers: show(op.officers_deployed),
      arrests: show(op.arrests.total),
      trafficking: show(op.arrests.trafficking),
      referred: show(op.referred_to_services),
      conditional: show(op.services_conditional_on_arrest),
      note: op.note ?? "",
      refs: refs(op.sources),
    })),
    representation: representationView(tf, refs),
    policies: (Object.keys(policyLabel) as PolicyId[]).map((id) => {
      const p = tf.policies[id];
      return { label: policyLabel[id], status: p?.status ?? "unknown", unknown: isUnknown(p?.status), note: p?.note ?? "", refs: refs(p?.sources) };
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
    provenance: { ...provenance, dateText },
    /** Short lines for the page margins; the renderer escapes them for CSS. */
    margins: {
      top: `${tf.name}${fictional ? " · FICTIONAL EXAMPLE" : ""}`,
      topRight: draft ? "DRAFT · NOT FINAL" : "",
      provenance: `Data: ${provenance.dataFile} · commit ${provenance.commit}${provenance.dirty ? " + uncommitted changes" : ""} · rubric ${provenance.rubricVersion} · ${dateText}`,
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

type Refs = (ids: readonly string[] | undefined) => string;

/**
 * The facts that matter most: who sits at the table, and the numbers from the most recent
 * operation that has any. Five at most, so they can be taken in at a glance.
 */
function keyFacts(tf: TaskForce, refs: Refs) {
  const members = tf.membership.members.filter((m) => m.sector !== "unknown");
  const le = members.filter((m) => ["law-enforcement", "prosecution", "federal-agency"].includes(m.sector));
  const membership = members.length
    ? {
        value: `${le.length} of ${members.length}`,
        label: `named members${tf.membership.as_of && tf.membership.as_of !== "unknown" ? ` (as of ${tf.membership.as_of})` : ""} are police, prosecutors or federal agencies`,
        refs: refs(le.flatMap((m) => m.sources ?? [])),
      }
    : undefined;
  const withNumbers = tf.operations.filter((op) => isKnown(op.arrests.total) || isKnown(op.officers_deployed));
  const op = [...withNumbers].sort((a, b) => (isKnown(b.date) ? b.date : "").localeCompare(isKnown(a.date) ? a.date : ""))[0];
  const fact = (label: string, v: Count | undefined) => ({ value: show(v), label, unknown: isUnknown(v) });
  const operation = op
    ? {
        caption: `${op.name}, ${when(op)}`,
        refs: refs(op.sources),
        facts: [fact("officers deployed", op.officers_deployed), fact("arrests", op.arrests.total), fact("arrests for trafficking", op.arrests.trafficking), fact("people referred to services", op.referred_to_services)],
      }
    : undefined;
  return { membership, operation, any: Boolean(membership || operation) };
}

function membershipView(tf: TaskForce, refs: Refs) {
  return {
    asOf: tf.membership.as_of && tf.membership.as_of !== "unknown" ? tf.membership.as_of : "",
    note: tf.membership.note ?? "",
    members: tf.membership.members.map((m) => ({ name: m.name, sector: sectorLabel[m.sector], role: roleLabel[m.role], votes: m.votes, refs: refs(m.sources) })),
    counts: (tf.membership.counts ?? []).map((c) => ({
      asOf: c.as_of,
      text: c.groups.map((g) => `${show(g.count)} ${g.label}`).join(", "),
      note: c.note ?? "",
      refs: refs(c.sources),
    })),
    leads: (tf.lead_agencies ?? []).map((l) => ({ name: l.name, refs: refs(l.sources) })),
  };
}

function representationView(tf: TaskForce, refs: Refs) {
  const r = tf.representation;
  const row = (label: string, v: Count | YesNo) => ({ label, value: show(v), unknown: isUnknown(v) });
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
  };
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
    groups.push({ title: `${members.length} named members${asOf}, by sector`, bars });
  }
  for (const c of tf.membership.counts ?? []) {
    groups.push({
      title: `Member count reported as of ${c.as_of}`,
      bars: c.groups.map((g) => ({ label: g.label, value: g.count, fill: g.kind === "government" ? "solid" : g.kind === "non-government" ? "open" : sectorFill[g.kind] })),
    });
  }
  if (groups.length === 0) return "";
  return barChart(groups, { idPrefix: "members", label: "Membership by sector", scale: "shared" });
}

/** One small chart per operation, so they can sit side by side. */
function arrestsCharts(tf: TaskForce): string[] {
  return tf.operations.map((op, i) => {
    const a = op.arrests;
    const bars: Bar[] = [{ label: "All arrests", value: a.total, fill: "solid" }];
    const charge = (label: string, v: Count | undefined, fill: Fill) => {
      if (v !== undefined) bars.push({ label, value: v, fill });
    };
    charge("Arrests: selling sex", a.selling_sex, "hatch");
    charge("Arrests: buying sex", a.buying_sex, "lines");
    charge("Arrests: selling or buying sex", a.selling_or_buying_sex, "hatch");
    charge("Arrests: trafficking", a.trafficking, "cross");
    charge("Arrests: other charges", a.other, "lines");
    bars.push({ label: "Referred to services", value: op.referred_to_services, fill: "dots" });
    const title = `${op.name} (${when(op)})`;
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
    publisher: s.publisher,
    date: formatDate(s.date) || "date unknown",
    url,
    /** An address that is not http(s) is kept visible as text, never as a link. */
    urlText: s.url && !url ? s.url : "",
    identifier: s.identifier ?? "",
    note: s.note ?? "",
  };
}
