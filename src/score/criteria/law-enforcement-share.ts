import type { MemberCounts, TaskForce } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding, Status } from "../types.ts";
import {
  betweenParam,
  betweenSchema,
  bounds,
  cites,
  countValue,
  dateMsg,
  factDate,
  judgeRange,
  num,
  share,
  uniqueCites,
  verdict,
} from "./util.ts";

export const params = {
  type: "object",
  additionalProperties: false,
  required: ["law_enforcement_sectors", "met_at_most", "partly_met_at_most"],
  properties: {
    law_enforcement_sectors: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", minLength: 1 } },
    met_at_most: { type: "number", minimum: 0, maximum: 1 },
    partly_met_at_most: { type: "number", minimum: 0, maximum: 1 },
    between: betweenSchema,
  },
};

/** One period's evidence on membership: a count, a list, or both when they are from the same year. */
interface Period {
  year: string;
  count?: MemberCounts;
  list: boolean;
}

/** What one period allows: the fewest and most law-enforcement members, and the fewest and most members. */
interface Range {
  leLo: number;
  leHi: number;
  totalLo: number;
  totalHi: number;
}

const year = (d: string | undefined): string => (d && /^\d{4}/.test(d) ? d.slice(0, 4) : "");

/**
 * The share of members that are police, prosecutors or federal law enforcement, judged by
 * bounds. A reported count gives the total; a list gives the members it names, and the total
 * only when a source says the list is complete. Lists and counts from different years are
 * never mixed: the most recent year whose evidence decides the status is scored, the others shown.
 */
export const lawEnforcementShare: CriterionFn = (tf, p) => {
  const le = new Set(p.law_enforcement_sectors as string[]);
  const m = tf.membership;
  const listYear = year(m.as_of) || year(factDate(tf, undefined, undefined, uniqueCites(m.members))?.date);
  const periods = new Map<string, Period>();
  const period = (y: string) => periods.get(y) ?? periods.set(y, { year: y, list: false }).get(y)!;
  if (m.members.length > 0) period(listYear).list = true;
  for (const c of m.counts ?? []) {
    const y = year(c.as_of) || year(factDate(tf, undefined, undefined, cites(c))?.date);
    const existing = period(y);
    // Two counts in one year: the later one in the file stands.
    existing.count = c;
  }
  const ordered = [...periods.values()].sort((a, b) => b.year.localeCompare(a.year));
  const judged = ordered.map((per) => ({ per, range: rangeOf(tf, per, le) }));
  const statusOf = (r: Range | undefined): Status => {
    if (!r || r.totalHi === 0) return "unknown";
    const grade = (s: number): Exclude<Status, "unknown"> =>
      s <= num(p, "met_at_most") ? "met" : s <= num(p, "partly_met_at_most") ? "partly-met" : "not-met";
    // Worst case: the most law enforcement among the fewest members; best case: the reverse.
    const worst = grade(worstShare(r));
    const best = grade(bestShare(r));
    return judgeRange(worst, best, betweenParam(p));
  };
  const decided = judged.find((j) => statusOf(j.range) !== "unknown");
  const facts: FactFinding[] = [];
  for (const { per, range } of judged) {
    const context = per !== decided?.per;
    if (per.list) {
      const leNamed = m.members.filter((x) => le.has(x.sector));
      const unknownSector = m.members.filter((x) => x.sector === "unknown").length;
      facts.push({
        label: msg("fact.members-listed", { complete: m.complete ?? "unknown" }),
        value: msg("fact.members-listed-value", { named: m.members.length, le: leNamed.length, unknownSector }),
        sources: uniqueCites(m.members),
        ...withDate(factDate(tf, m.as_of, m.as_of_basis, uniqueCites(m.members))),
        ...(context ? { context: true } : {}),
      });
    }
    if (per.count) {
      const c = per.count;
      facts.push({
        label: msg("fact.member-count"),
        value: msg("fact.member-count-value", {
          groups: { list: c.groups.map((g) => msg("fact.count-group", { count: countValue(g.count), label: g.label })) },
        }),
        sources: cites(c),
        ...withDate(factDate(tf, c.as_of, c.as_of_basis, cites(c))),
        ...(context ? { context: true } : {}),
      });
    }
    if (range)
      facts.push({
        label: msg("fact.le-share-range"),
        value: rangeValue(range, per.year),
        sources: [],
        ...(context ? { context: true } : {}),
      });
  }
  if (!decided) {
    const anyList = m.members.length > 0;
    return verdict(
      "unknown",
      facts,
      anyList || (m.counts ?? []).length > 0
        ? msg("le-share.undecided", { listComplete: m.complete ?? "unknown" })
        : msg("le-share.no-data"),
    );
  }
  const r = decided.range!;
  const d = factDate(
    tf,
    decided.per.count?.as_of ?? m.as_of,
    decided.per.count?.as_of_basis ?? m.as_of_basis,
    decided.per.count ? cites(decided.per.count) : uniqueCites(m.members),
  );
  const when = d ? dateMsg(d) : msg("date.unknown");
  const exact = r.leLo === r.leHi && r.totalLo === r.totalHi;
  const reason = exact
    ? msg("le-share.exact", {
        le: r.leLo,
        total: r.totalLo,
        share: share(r.leLo, r.totalLo),
        when,
        counted: decided.per.count ? "count" : "list",
      })
    : msg("le-share.range", {
        lo: bestShare(r),
        hi: worstShare(r),
        total: rangeTotal(r),
        when,
        counted: decided.per.count ? "count" : "list",
      });
  return verdict(statusOf(r), facts, reason);
};

/** The highest share the evidence allows: the most law enforcement among the fewest members. */
const worstShare = (r: Range): number => (r.leHi === Infinity ? 1 : share(r.leHi, Math.max(r.totalLo, r.leHi)));
/** The lowest: the fewest law enforcement among the most members. */
const bestShare = (r: Range): number => (r.totalHi === Infinity ? 0 : share(r.leLo, r.totalHi));

const withDate = (d: ReturnType<typeof factDate>) => (d ? { asOf: d } : {});

const rangeTotal = (r: Range) =>
  r.totalLo === r.totalHi ? String(r.totalLo) : r.totalHi === Infinity ? `${r.totalLo}+` : `${r.totalLo}–${r.totalHi}`;

function rangeValue(r: Range, year: string) {
  return msg("fact.le-share-range-value", { lo: bestShare(r), hi: worstShare(r), total: rangeTotal(r), year: year || "none" });
}

/** The bounds one period's evidence allows, or undefined when it gives no total at all. */
function rangeOf(tf: TaskForce, per: Period, le: ReadonlySet<string>): Range | undefined {
  const members = per.list ? tf.membership.members : [];
  const complete = tf.membership.complete === "yes";
  const leNamed = members.filter((x) => le.has(x.sector)).length;
  const otherNamed = members.filter((x) => x.sector !== "unknown" && !le.has(x.sector)).length;
  const unknownNamed = members.length - leNamed - otherNamed;
  if (per.count) {
    let total: { lo: number; hi: number } = { lo: 0, hi: 0 };
    let leMax = 0;
    let leMin = 0;
    for (const g of per.count.groups) {
      const b = bounds(g.count);
      if (!b) return undefined;
      total = { lo: total.lo + b.lo, hi: total.hi + b.hi };
      if (g.kind === "government" || le.has(g.kind)) leMax += b.hi;
      if (le.has(g.kind)) leMin += b.lo;
    }
    const leLo = Math.max(leMin, leNamed);
    const leHi = Math.min(leMax, total.hi - otherNamed);
    if (leHi < leLo) return { leLo, leHi: leLo, totalLo: Math.max(total.lo, members.length), totalHi: total.hi };
    return { leLo, leHi, totalLo: Math.max(total.lo, members.length), totalHi: total.hi };
  }
  if (members.length === 0) return undefined;
  if (complete) return { leLo: leNamed, leHi: leNamed + unknownNamed, totalLo: members.length, totalHi: members.length };
  // A list not known to be complete: it names some members; there may be any number more.
  return { leLo: leNamed, leHi: Infinity, totalLo: members.length, totalHi: Infinity };
}
