import type { Operation } from "../../model.ts";
import { isKnown } from "../../model.ts";
import type { CriterionFn, Fact } from "../types.ts";
import { operationLabel } from "./describe.ts";
import { plural, sourcesOf, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

const isBuyerSting = (op: Operation): boolean => op.type === "buyer-sting" || (isKnown(op.arrests.buying_sex) && op.arrests.buying_sex > 0);

function buyers(op: Operation): string {
  return isKnown(op.arrests.buying_sex) ? plural(op.arrests.buying_sex, "arrest") + " of sex buyers" : "arrests of sex buyers";
}

/**
 * Buyer stings only when tied to identified victims. Judged on the reported buyer stings
 * whose tie to victims is known; with no buyer sting, met only if every reported
 * operation's buyer arrests are known to be 0.
 */
export const buyerStingsTiedToVictims: CriterionFn = (tf) => {
  const stings = tf.operations.filter(isBuyerSting);
  const facts: Fact[] = stings.map((op) => ({
    label: op.name,
    value: `${buyers(op)}; tied to identified victims: ${op.tied_to_identified_victims ?? "unknown"}`,
    sources: sourcesOf(op),
  }));
  if (stings.length === 0) {
    const checked = tf.operations.filter((op) => op.arrests.buying_sex === 0);
    if (tf.operations.length > 0 && checked.length === tf.operations.length) {
      facts.push(...checked.map((op) => ({ label: op.name, value: "0 arrests of sex buyers", sources: sourcesOf(op) })));
      return verdict("met", facts, checked.length === 1 ? "The one reported operation made no arrest of sex buyers" : `None of the ${checked.length} reported operations arrested sex buyers`);
    }
    return verdict("unknown", facts, "No source reports whether the task force runs stings on sex buyers");
  }
  const tied = stings.filter((op) => op.tied_to_identified_victims === "yes");
  const untied = stings.filter((op) => op.tied_to_identified_victims === "no");
  const unknown = stings.length - tied.length - untied.length;
  const rest = unknown > 0 ? `; for ${plural(unknown, "other")} it is unknown` : "";
  if (tied.length + untied.length === 0) {
    const first = stings[0]!;
    return verdict("unknown", facts, `${buyers(first)} in ${operationLabel(first)}${stings.length > 1 ? ` and ${plural(stings.length - 1, "other operation")}` : ""}, but no source says whether they were tied to identified victims`);
  }
  if (untied.length === 0) return verdict("met", facts, `${tied.length === 1 ? "The" : `All ${tied.length}`} buyer ${tied.length === 1 ? "sting" : "stings"} with known facts ${tied.length === 1 ? "was" : "were"} tied to identified victims${rest}`);
  const first = untied[0]!;
  if (tied.length === 0) return verdict("not-met", facts, `${buyers(first)} in ${operationLabel(first)} were not tied to identified victims${untied.length > 1 ? `, nor in ${plural(untied.length - 1, "other buyer sting")}` : ""}${rest}`);
  return verdict("partly-met", facts, `${tied.length} of ${plural(tied.length + untied.length, "buyer sting")} with known facts ${tied.length === 1 ? "was" : "were"} tied to identified victims${rest}`);
};
