import { listValue, msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { cites, factDate, uniqueCites, verdict } from "./util.ts";
import { sectorsParam } from "./seats.ts";

export const params = sectorsParam("co_lead_sectors");

/** A victim service provider co-leads the task force, as in the federal Enhanced Collaborative Model. */
export const victimServiceCoLead: CriterionFn = (tf, p) => {
  const sectors = new Set(p.co_lead_sectors as string[]);
  const listed = tf.lead_agencies ?? [];
  const fromMembers = tf.membership.members.filter((m) => m.role === "lead" && !listed.some((l) => l.name === m.name));
  const leads = [...listed, ...fromMembers];
  const facts: FactFinding[] = leads.map((l) => {
    const d = factDate(tf, undefined, undefined, cites(l));
    return {
      label: msg("fact.lead-agency"),
      value: msg("fact.name-sector", { name: l.name, sector: msg(`sector.${l.sector}`) }),
      sources: cites(l),
      ...(d ? { asOf: d } : {}),
    };
  });
  const serviceLead = leads.filter((l) => sectors.has(l.sector));
  if (serviceLead.length > 0)
    return verdict("met", facts, msg("co-lead.met", { names: listValue(serviceLead.map((l) => l.name)), count: serviceLead.length }));
  const voting = tf.membership.members.filter((m) => sectors.has(m.sector) && m.votes === "yes");
  if (voting.length > 0) {
    facts.push({ label: msg("fact.service-providers-voting"), value: listValue(voting.map((m) => m.name)), sources: uniqueCites(voting) });
    return verdict("partly-met", facts, msg("co-lead.partly-met", { names: listValue(voting.map((m) => m.name)), count: voting.length }));
  }
  if (leads.length === 0) return verdict("unknown", facts, msg("co-lead.no-leads"));
  if (leads.some((l) => l.sector === "unknown")) return verdict("unknown", facts, msg("co-lead.sector-unknown"));
  // Not met only if even the best case fails: a victim service provider with a vote (partly met) is ruled out only by a complete list.
  if (tf.membership.complete !== "yes")
    return verdict("unknown", facts, msg("co-lead.vote-unknown", { leads: listValue(leads.map((l) => l.name)) }));
  return verdict(
    "not-met",
    facts,
    msg("co-lead.not-met", {
      leads: listValue(leads.map((l) => msg("fact.name-sector", { name: l.name, sector: msg(`sector.${l.sector}`) }))),
    }),
  );
};
