import type { Problem } from "../errors.ts";
import type { DataPath, Loaded } from "../load/load.ts";
import { locate } from "../load/load.ts";

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/**
 * Rules a JSON Schema cannot express. They read the raw data defensively, since they
 * also run on files that have schema errors elsewhere.
 */
export function semanticChecks(loaded: Loaded, today: string): Problem[] {
  const data = loaded.data;
  if (!isRec(data)) return [];
  const problems: Problem[] = [];
  const report = (path: DataPath, part: "key" | "value", code: Problem["code"], message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file: loaded.file, ...locate(loaded, path, part), code, message, severity });

  // Source ids: unique, and every reference resolves.
  const ids = new Map<string, number>();
  if (Array.isArray(data.sources)) {
    data.sources.forEach((s, i) => {
      if (!isRec(s) || typeof s.id !== "string") return;
      if (ids.has(s.id)) report(["sources", i, "id"], "value", "source-duplicate-id", `two sources have the id '${s.id}'. Give each source its own id.`);
      else ids.set(s.id, i);
    });
  }
  const used = new Set<string>();
  walk(data, [], (node, path) => {
    if (!Array.isArray(node.sources) || path[0] === "sources") return;
    node.sources.forEach((ref, i) => {
      if (typeof ref !== "string") return;
      used.add(ref);
      if (!ids.has(ref)) {
        const known = [...ids.keys()];
        report([...path, "sources", i], "value", "source-unresolved",
          `source '${ref}' is not listed under sources:. ${known.length ? `Use one of: ${known.join(", ")}, or add it` : "Add it"} to the sources: list at the end of the file.`);
      }
    });
  });
  for (const [id, i] of ids) {
    if (!used.has(id)) report(["sources", i, "id"], "value", "source-unused", `source '${id}' is listed but no fact cites it. Cite it or remove it.`, "warning");
  }

  // Operations: arrests by charge fit the total, and referrals fit the arrests.
  if (Array.isArray(data.operations)) {
    data.operations.forEach((op, i) => {
      if (!isRec(op) || !isRec(op.arrests)) return;
      const total = num(op.arrests.total);
      const parts = ["selling_sex", "buying_sex", "selling_or_buying_sex", "trafficking", "other"] as const;
      const sum = parts.reduce((acc, k) => acc + (num((op.arrests as Rec)[k]) ?? 0), 0);
      if (total !== undefined && sum > total) {
        const listed = parts.filter((k) => num((op.arrests as Rec)[k]) !== undefined).map((k) => `${k} ${num((op.arrests as Rec)[k])}`).join(" + ");
        report(["operations", i, "arrests", "total"], "value", "arrests-exceed-total",
          `arrests by charge add up to ${sum} (${listed}), more than the total of ${total}. Correct the numbers, or set total to at least ${sum}.`);
      }
      // Referrals come from the people arrested, plus any victims identified without arrest.
      const referred = num(op.referred_to_services);
      const victims = num(op.victims_identified) ?? 0;
      if (referred !== undefined && total !== undefined && referred > total + victims && op.type !== "outreach") {
        const limit = victims ? `the ${total} people arrested plus the ${victims} victims identified` : `the ${total} people arrested`;
        report(["operations", i, "referred_to_services"], "value", "referrals-exceed-arrests",
          `referred_to_services is ${referred}, more than ${limit}. Check the numbers; if people were referred without arrest, record them under victims_identified.`);
      }
    });
  }

  // Dates: none in the future.
  walk(data, [], (node, path) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== "string" || !/^(date|as_of|last_reviewed)$/.test(key)) continue;
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) continue;
      if (value.slice(0, value.length) > today.slice(0, value.length)) {
        report([...path, key], "value", "date-in-future", `${key} is ${value}, which is in the future (today is ${today}). Check the date.`);
      }
    }
  });
  return problems;
}

function walk(node: unknown, path: (string | number)[], visit: (node: Rec, path: (string | number)[]) => void): void {
  if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i], visit));
  else if (isRec(node)) {
    visit(node, path);
    for (const [k, v] of Object.entries(node)) walk(v, [...path, k], visit);
  }
}
