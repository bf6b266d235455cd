import type { CriterionFn, Fact } from "../types.ts";
import { uniqueSources, verdict } from "./util.ts";
import { joinWords } from "./describe.ts";
import { sectorsParam } from "./seats.ts";

export const params = sectorsParam("co_lead_sectors");

/** A victim service provider co-leads the task force, as in the federal Enhanced Collaborative Model. */
export const victimServiceCoLead: CriterionFn = (tf, p) => {
  const sectors = new Set(p.co_lead_sectors as string[]);
  const fromMembers = tf.membership.members.filter((m) => m.role === "lead");
  const leads = [...(tf.lead_agencies ?? []), ...fromMembers.filter((m) => !(tf.lead_agencies ?? []).some((l) => l.name === m.name))];
  const facts: Fact[] = leads.map((l) => ({ label: "Lead agency", value: `${l.name} (${l.sector})`, sources: l.sources ?? [] }));
  const serviceLead = leads.filter((l) => sectors.has(l.sector));
  if (serviceLead.length > 0) {
    return verdict("met", facts, `${joinWords(serviceLead.map((l) => l.name))} ${serviceLead.length === 1 ? "is a victim service provider that co-leads" : "are victim service providers that co-lead"} the task force`);
  }
  const voting = tf.membership.members.filter((m) => sectors.has(m.sector) && m.votes === "yes");
  if (voting.length > 0) {
    facts.push({ label: "Victim service providers with a vote", value: voting.map((m) => m.name).join("; "), sources: uniqueSources(voting) });
    return verdict("partly-met", facts, `${joinWords(voting.map((m) => m.name))} ${voting.length === 1 ? "has" : "have"} a vote, but no victim service provider co-leads the task force`);
  }
  const known = leads.filter((l) => l.sector !== "unknown");
  if (leads.length === 0 || known.length < leads.length) {
    return verdict("unknown", facts, leads.length === 0 ? "No source says who leads the task force" : "No source gives the sector of every lead agency, so whether a victim service provider co-leads is unknown");
  }
  return verdict("not-met", facts, `No victim service provider co-leads the task force; its lead agencies are ${joinWords(leads.map((l) => `${l.name} (${l.sector.replace(/-/g, " ")})`))}`);
};
