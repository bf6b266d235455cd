// Reads the message catalogues: messages/<lang>/*.yaml hold the words of every scorecard in one
// language, one file per part (findings.yaml: the criteria's findings; scorecard.yaml: the
// scorecard's labels; collection.yaml: the index, summary and methodology; hearing.yaml: the
// handout and reply packet). Each file's sections become dotted ids; an id in two files is a bug.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Catalogue, Messages } from "../i18n/message.ts";
import { TOOL_ROOT } from "./tool-root.ts";

export const MESSAGES_DIR = join(TOOL_ROOT, "messages");

const cache = new Map<string, Messages>();

/** The languages that have a catalogue: the folder names under messages/. */
export function catalogueLanguages(): string[] {
  return readdirSync(MESSAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** The catalogue files of one language, in name order. */
export function catalogueFiles(lang: string): string[] {
  const dir = join(MESSAGES_DIR, lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(dir, f));
}

/** The catalogue of one language, read once per process. `_meta.locale` gives the locale for numbers and dates. */
export function messagesFor(lang: string): Messages {
  const hit = cache.get(lang);
  if (hit) return hit;
  const files = catalogueFiles(lang);
  if (files.length === 0)
    throw new Error(
      `there is no message catalogue for the language '${lang}' (messages/${lang}/ is missing; this is a bug, or a language the tool does not have yet)`,
    );
  const messages = parseCatalogue(
    lang,
    files.map((f) => readFileSync(f, "utf8")),
  );
  cache.set(lang, messages);
  return messages;
}

/** Pure: the texts of one language's catalogue files → its messages. */
export function parseCatalogue(lang: string, texts: readonly string[]): Messages {
  let locale: string | undefined;
  const catalogue: Record<string, string> = {};
  for (const text of texts) {
    const raw = (parse(text) ?? {}) as Record<string, unknown>;
    const meta = raw._meta as { locale?: string } | undefined;
    if (meta?.locale) locale = meta.locale;
    flatten(raw, "", catalogue);
  }
  return { lang, locale: locale ?? lang, catalogue };
}

/** Nested sections become dotted ids: { stings: { met: "…" } } → "stings.met". */
function flatten(node: Record<string, unknown>, prefix: string, out: Record<string, string>): void {
  for (const [k, v] of Object.entries(node)) {
    if (!prefix && k === "_meta") continue;
    const id = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") {
      if (id in out) throw new Error(`message '${id}' is defined twice in the catalogue (this is a bug)`);
      out[id] = v;
    } else if (v && typeof v === "object") flatten(v as Record<string, unknown>, id, out);
  }
}

export type { Catalogue };
