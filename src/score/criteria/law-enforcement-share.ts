import type { CriterionFn, Fact } from "../types.ts";
import { isKnown } from "../../model.ts";
import { num, percent, plural, uniqueSources, verdict } from "./util.ts";

export const params = {
  type: "object",
  additionalProperties: false,
  required: ["law_enforcement_sectors", "met_at_most", "partly_met_at_most"],
  properties: {
    law_enforcement_sectors: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", minLength: 1 } },
    met_at_most: { type: "number", minimum: 0, maximum: 1 },
    partly_met_at_most: { type: "number", minimum: 0, maximum: 1 },
  },
};

/**
 * The share of listed members that are police, prosecutors or federal law enforcement.
 * Members whose sector is unknown are left out of both counts.
 */
export const lawEnforcementShare: CriterionFn = (tf, p) => {
  const leSectors = new Set(p.law_enforcement_sectors as string[]);
  const members = tf.membership.members.filter((m) => m.sector !== "unknown");
  const unknownSector = tf.membership.members.length - members.length;
  const facts: Fact[] = [];
  for (const c of tf.membership.counts ?? []) {
    facts.push({
      label: `Member counts as of ${c.as_of}`,
      value: c.groups.map((g) => `${isKnown(g.count) ? g.count : "unknown"} ${g.label}`).join(", "),
      sources: c.sources ?? [],
    });
  }
  if (members.length === 0) {
    return verdict("unknown", facts, "No source lists the task force's members by sector");
  }
  const le = members.filter((m) => leSectors.has(m.sector));
  const share = le.length / members.length;
  facts.unshift(
    { label: "Members listed with a known sector", value: String(members.length), sources: uniqueSources(members) },
    { label: "Of them, law enforcement, prosecution or federal agencies", value: `${le.length} (${percent(share)})`, sources: uniqueSources(le) },
  );
  if (unknownSector > 0) facts.push({ label: "Members whose sector is unknown (left out)", value: String(unknownSector), sources: [] });
  const asOf = tf.membership.as_of && tf.membership.as_of !== "unknown" ? ` (as of ${tf.membership.as_of})` : "";
  const reason = `${le.length} of the ${plural(members.length, "member")} named in the sources${asOf} ${le.length === 1 ? "is" : "are"} law enforcement, prosecution or federal agencies (${percent(share)})`;
  if (share <= num(p, "met_at_most")) return verdict("met", facts, reason);
  if (share <= num(p, "partly_met_at_most")) return verdict("partly-met", facts, reason);
  return verdict("not-met", facts, reason);
};
