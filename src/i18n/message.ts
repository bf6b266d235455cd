// Findings, not sentences: criteria and views return a message id with values, and a
// catalogue per language turns them into words (like eslint's messageId + data).
// Pure: the catalogue is passed in; reading it from disk is the edge's job (src/io/messages.ts).
import { IntlMessageFormat } from "intl-messageformat";
import { formatDate } from "./dates.ts";

export { formatDate };

/** A date as the data gives it (YYYY, YYYY-MM or YYYY-MM-DD), formatted per language. */
export interface DateValue {
  date: string;
}
/** Several values joined as the language joins a list ("a, b and c"). */
export interface ListValue {
  list: Value[];
  /** "and" (the default) or "or". */
  join?: "and" | "or";
}
/**
 * A value in a message. Strings are data and are printed as written (names, quotes);
 * numbers are formatted by the message; nested messages are formatted first.
 */
export type Value = string | number | Msg | DateValue | ListValue;

export interface Msg {
  id: string;
  values?: Readonly<Record<string, Value>>;
}

export const msg = (id: string, values?: Record<string, Value>): Msg => (values ? { id, values } : { id });
export const dateValue = (date: string): DateValue => ({ date });
export const listValue = (list: Value[], join: "and" | "or" = "and"): ListValue => ({ list, join });

export const isMsg = (v: unknown): v is Msg => typeof v === "object" && v !== null && typeof (v as Msg).id === "string";

/** A language's messages: id → ICU MessageFormat text. */
export type Catalogue = Readonly<Record<string, string>>;

export interface Messages {
  /** The page's language, as in <html lang>: "en", "es". */
  lang: string;
  /** The locale that numbers and dates follow, such as "en-GB" for "21 August 2018". */
  locale: string;
  catalogue: Catalogue;
}

/** Compiled messages, per catalogue and locale (a catalogue object is never changed once read). */
const compiled = new WeakMap<Catalogue, Map<string, IntlMessageFormat>>();

/** Turns a finding into words in the catalogue's language. An id missing from the catalogue is a bug. */
export function format(messages: Messages, m: Msg): string {
  const text = messages.catalogue[m.id];
  if (text === undefined) throw new Error(`message '${m.id}' is missing from the ${messages.lang} catalogue (this is a bug)`);
  let forCatalogue = compiled.get(messages.catalogue);
  if (!forCatalogue) compiled.set(messages.catalogue, (forCatalogue = new Map<string, IntlMessageFormat>()));
  const key = `${messages.locale}\u0000${m.id}`;
  let f = forCatalogue.get(key);
  if (!f) {
    f = new IntlMessageFormat(text, messages.locale, undefined, { ignoreTag: true });
    forCatalogue.set(key, f);
  }
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) values[k] = typeof v === "number" ? v : formatValue(messages, v);
  const out = f.format(values);
  return Array.isArray(out) ? out.join("") : String(out);
}

export function formatValue(messages: Messages, v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return new Intl.NumberFormat(messages.locale).format(v);
  if (isMsg(v)) return format(messages, v);
  if ("date" in v) return formatDate(v.date, messages.locale);
  const parts = v.list.map((x) => formatValue(messages, x));
  return new Intl.ListFormat(messages.locale, { type: v.join === "or" ? "disjunction" : "conjunction" }).format(parts);
}
