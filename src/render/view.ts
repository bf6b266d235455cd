import type { Source, TaskForce } from "../model.ts";
import { isKnown } from "../model.ts";
import type { ScoreCard, Status } from "../score/types.ts";
import { formatDate } from "../score/criteria/describe.ts";

export const statusLabel: Record<Status, string> = {
  met: "Met",
  "partly-met": "Partly met",
  "not-met": "Not met",
  unknown: "Unknown",
};

export interface Provenance {
  dataFile: string;
  commit: string;
  dirty: boolean;
  rubricVersion: string;
  date: string;
}

/** Everything the template shows, worked out in code so the template stays logic-free. */
export function buildView(tf: TaskForce, card: ScoreCard, provenance: Provenance) {
  const sourceNumber = new Map<string, number>(tf.sources.map((s, i) => [s.id, i + 1]));
  const refs = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => sourceNumber.get(id)).filter((n): n is number => n !== undefined);
  const ops = tf.operations;
  const first = ops[0];
  const keyFacts = first
    ? [
        { label: "Officers deployed", value: show(first.officers_deployed), context: first.name },
        { label: "Arrests", value: show(first.arrests.total), context: first.name },
        { label: "Trafficking arrests", value: show(first.arrests.trafficking), context: first.name },
        { label: "Referred to services", value: show(first.referred_to_services), context: first.name },
      ]
    : [];
  return {
    title: `${tf.name}: accountability scorecard`,
    name: tf.name,
    jurisdiction: [tf.jurisdiction.city, tf.jurisdiction.county, tf.jurisdiction.region, tf.jurisdiction.state, tf.jurisdiction.country].filter(isKnown).join(", "),
    draft: tf.review.status !== "published",
    fictional: tf.fictional === "yes",
    grade: card.grade,
    points: card.points,
    maxPoints: card.maxPoints,
    percent: card.percent,
    coverage: Math.round(card.coverage * 100),
    keyFacts,
    criteria: card.criteria.map((c) => ({
      ...c,
      statusLabel: statusLabel[c.status],
      facts: c.facts.map((f) => ({ ...f, refs: refs(f.sources) })),
    })),
    sources: tf.sources.map((s, i) => ({ n: i + 1, ...sourceView(s) })),
    provenance,
  };
}

function show(v: number | "unknown" | undefined): string {
  return v === undefined ? "unknown" : String(v);
}

function sourceView(s: Source) {
  const safeUrl = s.url && /^https?:\/\//i.test(s.url) ? s.url : undefined;
  return {
    title: s.title === "unknown" ? "(title not recorded)" : s.title,
    author: s.author,
    publisher: s.publisher,
    date: formatDate(s.date) || "date unknown",
    url: safeUrl,
    identifier: s.identifier,
  };
}
