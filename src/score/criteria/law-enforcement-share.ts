import type { CriterionFn } from "../types.ts";
import { isKnown } from "../../model.ts";
import { percent, uniqueSources } from "./util.ts";

/**
 * The share of listed members that are police, prosecutors or federal law enforcement.
 * Params: law_enforcement_sectors, met_at_most (share), partly_met_at_most (share).
 */
export const lawEnforcementShare: CriterionFn = (tf, params) => {
  const leSectors = new Set(params.law_enforcement_sectors as string[]);
  const members = tf.membership.members.filter((m) => m.sector !== "unknown");
  if (members.length === 0) {
    return { status: "unknown", fraction: null, facts: [], reason: "No source lists the task force's members by sector." };
  }
  const le = members.filter((m) => leSectors.has(m.sector));
  const share = le.length / members.length;
  const facts = [
    { label: "Members listed with a known sector", value: String(members.length), sources: uniqueSources(members) },
    { label: "Of them, law enforcement or prosecution", value: `${le.length} (${percent(share)})`, sources: uniqueSources(le) },
  ];
  for (const c of tf.membership.counts ?? []) {
    facts.push({
      label: `Member counts as of ${c.as_of}`,
      value: c.groups.map((g) => `${isKnown(g.count) ? g.count : "unknown"} ${g.label}`).join(", "),
      sources: c.sources ?? [],
    });
  }
  const asOf = tf.membership.as_of && tf.membership.as_of !== "unknown" ? ` (as of ${tf.membership.as_of})` : "";
  const reason = `${le.length} of ${members.length} listed members${asOf} are law enforcement or prosecution (${percent(share)}).`;
  if (share <= (params.met_at_most as number)) return { status: "met", fraction: 1, facts, reason };
  if (share <= (params.partly_met_at_most as number)) return { status: "partly-met", fraction: 0.5, facts, reason };
  return { status: "not-met", fraction: 0, facts, reason };
};
