// Reads the message catalogues (messages/<lang>.yaml): the words of every scorecard, per language.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Catalogue, Messages } from "../i18n/message.ts";

export const MESSAGES_DIR = join(import.meta.dirname, "..", "..", "messages");

const cache = new Map<string, Messages>();

/** The catalogue of one language, read once per process. Its `_meta` gives the locale for numbers and dates. */
export function messagesFor(lang: string): Messages {
  const hit = cache.get(lang);
  if (hit) return hit;
  const raw = parse(readFileSync(join(MESSAGES_DIR, `${lang}.yaml`), "utf8")) as Record<string, unknown>;
  const meta = (raw._meta ?? {}) as { locale?: string };
  const catalogue: Record<string, string> = {};
  flatten(raw, "", catalogue);
  const messages: Messages = { lang, locale: meta.locale ?? lang, catalogue };
  cache.set(lang, messages);
  return messages;
}

/** Nested sections become dotted ids: { stings: { met: "…" } } → "stings.met". */
function flatten(node: Record<string, unknown>, prefix: string, out: Record<string, string>): void {
  for (const [k, v] of Object.entries(node)) {
    if (!prefix && k === "_meta") continue;
    const id = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[id] = v;
    else if (v && typeof v === "object") flatten(v as Record<string, unknown>, id, out);
  }
}

export type { Catalogue };
