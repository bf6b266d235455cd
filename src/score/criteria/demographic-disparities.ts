import type { CriterionFn, Fact } from "../types.ts";
import { anyYes, sourcesOf, verdict } from "./util.ts";

export const params = { type: "object", additionalProperties: false, properties: {} };

/**
 * Two halves: the task force discloses the demographics of the places and people its
 * operations target, and no source reports a racial or ethnic disparity. Each known good
 * half earns half; an unknown half earns nothing and decides nothing.
 */
export const demographicDisparities: CriterionFn = (tf) => {
  const ops = tf.operations.filter((op) => op.demographics);
  const disclosed = anyYes(ops.map((op) => op.demographics?.disclosed_by_task_force ?? "unknown"));
  const disparity = anyYes(ops.map((op) => op.demographics?.disparity_reported ?? "unknown"));
  const facts: Fact[] = [];
  for (const op of ops) {
    const d = op.demographics!;
    const parts = [
      d.places && d.places !== "unknown" ? `places: ${d.places}` : "",
      d.people_arrested && d.people_arrested !== "unknown" ? `people arrested: ${d.people_arrested}` : "",
      `published by the task force: ${d.disclosed_by_task_force ?? "unknown"}`,
      `disparity reported: ${d.disparity_reported ?? "unknown"}`,
    ].filter(Boolean);
    facts.push({ label: op.name, value: parts.join("; "), sources: sourcesOf(op) });
  }
  const disclosedText = disclosed === "yes" ? "the task force publishes the demographics of the places and people its operations target" : disclosed === "no" ? "the task force does not publish the demographics of the places and people its operations target" : "";
  const disparityText = disparity === "yes" ? "a source reports a racial or ethnic disparity in its operations" : disparity === "no" ? "no source reports a racial or ethnic disparity in its operations" : "";
  if (disclosed === "unknown" && disparity === "unknown") {
    return verdict("unknown", facts, "No source says whether the task force publishes demographics or whether its operations show a racial or ethnic disparity");
  }
  const good = (disclosed === "yes" ? 1 : 0) + (disparity === "no" ? 1 : 0);
  const missing = disclosed === "unknown" ? "; whether it publishes demographics is unknown" : disparity === "unknown" ? "; whether its operations show a disparity is unknown" : "";
  const texts = [disclosedText, disparityText].filter(Boolean);
  const reason = `${texts.join(good === 1 && texts.length === 2 ? ", but " : ", and ")}${missing}`;
  if (good === 2) return verdict("met", facts, reason);
  if (good === 1) return verdict("partly-met", facts, reason);
  return verdict("not-met", facts, reason);
};
