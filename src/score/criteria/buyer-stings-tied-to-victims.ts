import type { Operation } from "../../model.ts";
import { msg } from "../../i18n/message.ts";
import type { CriterionFn, FactFinding } from "../types.ts";
import { bounds, cites, countValue, newestFirst, operationDate, operationRef, verdict, yesNoValue } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

const arrestedBuyers = (op: Operation): boolean => op.type === "buyer-sting" || (bounds(op.arrests.buying_sex)?.lo ?? 0) > 0;

/**
 * Buyer stings only when tied to identified victims. Judged on the reported buyer stings
 * whose tie to victims is known; with no buyer sting, met only if every reported
 * operation's buyer arrests are a stated 0.
 */
export const buyerStingsTiedToVictims: CriterionFn = (tf) => {
  const ops = newestFirst(tf, tf.operations);
  const stings = ops.filter(arrestedBuyers);
  const facts: FactFinding[] = stings.map((op) => {
    const d = operationDate(tf, op);
    return {
      label: msg("fact.operation", { operation: operationRef(tf, op) }),
      value: msg("fact.buyers-tied", { count: countValue(op.arrests.buying_sex), tied: yesNoValue(op.tied_to_identified_victims) }),
      sources: cites(op),
      ...(d ? { asOf: d } : {}),
    };
  });
  if (stings.length === 0) {
    const zero = ops.filter((op) => op.arrests.buying_sex === 0);
    if (ops.length > 0 && zero.length === ops.length) {
      for (const op of zero)
        facts.push({
          label: msg("fact.operation", { operation: operationRef(tf, op) }),
          value: msg("fact.buyers", { count: 0 }),
          sources: cites(op),
        });
      return verdict("met", facts, msg("buyers.none", { operations: zero.length }));
    }
    return verdict("unknown", facts, msg("buyers.no-data"));
  }
  const tied = stings.filter((op) => op.tied_to_identified_victims === "yes");
  const untied = stings.filter((op) => op.tied_to_identified_victims === "no");
  const unknown = stings.length - tied.length - untied.length;
  if (tied.length + untied.length === 0)
    return verdict(
      "unknown",
      facts,
      msg("buyers.tie-unknown", {
        operation: operationRef(tf, stings[0]!),
        count: countValue(stings[0]!.arrests.buying_sex),
        more: stings.length - 1,
      }),
    );
  if (untied.length === 0) return verdict("met", facts, msg("buyers.met", { tied: tied.length, unknown }));
  if (tied.length === 0)
    return verdict("not-met", facts, msg("buyers.not-met", { operation: operationRef(tf, untied[0]!), more: untied.length - 1, unknown }));
  return verdict("partly-met", facts, msg("buyers.partly-met", { tied: tied.length, known: tied.length + untied.length, unknown }));
};
