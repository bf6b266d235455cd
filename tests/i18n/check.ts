// Checks that message catalogues agree: the same ids, the same ICU arguments used the same way,
// an `other` in every plural and select, and messages that compile and format. Pure: catalogues
// in, problems out (one plain sentence each), so the tests can run it on good and broken catalogues.
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { parse as parseYaml } from "yaml";
import type { Catalogue } from "../../src/i18n/message.ts";

/** How a message uses one argument: as a plural, a select, a number, or a plain value. */
export type ArgKind = "plural" | "select" | "number" | "date" | "simple";

export interface ArgUse {
  kind: ArgKind;
  /** The choices a plural or select offers: "one", "other", "=0", "yes", … */
  options: Set<string>;
}

/** Every argument of a parsed message, with how it is used (a plural or select wins over a plain use). */
export function argumentsOf(elements: readonly MessageFormatElement[], out = new Map<string, ArgUse>()): Map<string, ArgUse> {
  const use = (name: string, kind: ArgKind) => {
    const rank: Record<ArgKind, number> = { simple: 0, date: 1, number: 1, select: 2, plural: 2 };
    const had = out.get(name);
    if (!had) out.set(name, { kind, options: new Set() });
    else if (rank[kind] > rank[had.kind]) had.kind = kind;
    return out.get(name)!;
  };
  for (const el of elements) {
    if (isArgumentElement(el)) use(el.value, "simple");
    else if (isNumberElement(el)) use(el.value, "number");
    else if (isDateElement(el) || isTimeElement(el)) use(el.value, "date");
    else if (isPluralElement(el) || isSelectElement(el)) {
      const a = use(el.value, isPluralElement(el) ? "plural" : "select");
      for (const [key, option] of Object.entries(el.options)) {
        a.options.add(key);
        argumentsOf(option.value, out);
      }
    } else if (isTagElement(el)) argumentsOf(el.children, out);
  }
  return out;
}

/** Plurals and selects without an `other` choice, by argument name. */
export function missingOther(elements: readonly MessageFormatElement[], out: string[] = []): string[] {
  for (const el of elements) {
    if (isPluralElement(el) || isSelectElement(el)) {
      if (!("other" in el.options)) out.push(el.value);
      for (const option of Object.values(el.options)) missingOther(option.value, out);
    } else if (isTagElement(el)) missingOther(el.children, out);
  }
  return out;
}

export interface Language {
  lang: string;
  locale: string;
  catalogue: Catalogue;
}

/** A catalogue file's text as the tool reads it (src/io/messages.ts): nested keys become dotted ids. */
export function languageOf(lang: string, yamlText: string | readonly string[]): Language {
  const catalogue: Record<string, string> = {};
  let locale: string | undefined;
  const flatten = (node: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (!prefix && k === "_meta") continue;
      const id = prefix ? `${prefix}.${k}` : k;
      if (typeof v === "string") catalogue[id] = v;
      else if (v && typeof v === "object") flatten(v as Record<string, unknown>, id);
    }
  };
  for (const text of typeof yamlText === "string" ? [yamlText] : yamlText) {
    const raw = (parseYaml(text) ?? {}) as Record<string, unknown>;
    const meta = raw._meta as { locale?: string } | undefined;
    if (meta?.locale) locale = meta.locale;
    flatten(raw, "");
  }
  return { lang, locale: locale ?? lang, catalogue };
}

const describeArgs = (args: ReadonlyMap<string, ArgUse>) =>
  args.size
    ? [...args.keys()]
        .sort()
        .map((a) => `{${a}}`)
        .join(", ")
    : "none";

type Parsed = { ok: true; elements: MessageFormatElement[] } | { ok: false; error: string };

function parseMessage(text: string): Parsed {
  try {
    // `other` is checked on its own, so that its absence is reported in plain words.
    return { ok: true, elements: parse(text, { ignoreTag: true, requiresOtherClause: false }) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Values that reach every branch of a message: each choice of every select, several plural counts. */
export function sampleValues(args: ReadonlyMap<string, ArgUse>): Record<string, string | number>[] {
  const choices = [...args].map(([name, a]): [string, (string | number)[]] => {
    const exact = [...a.options].filter((o) => o.startsWith("=")).map((o) => Number(o.slice(1)));
    if (a.kind === "plural") return [name, [...new Set([...exact, 0, 1, 2, 5, 1_000_000])]];
    if (a.kind === "select") return [name, [...a.options, "some-other-word"]];
    return [name, a.kind === "number" ? [0.0686] : [`‹${name}›`]];
  });
  const all = choices.reduce((n, [, v]) => n * v.length, 1);
  let combos: Record<string, string | number>[] = [{}];
  for (const [name, values] of choices) {
    const next: Record<string, string | number>[] = [];
    if (all <= 5000) for (const c of combos) for (const v of values) next.push({ ...c, [name]: v });
    // Too many to try all: every value of each argument at least once.
    else
      for (let i = 0; i < Math.max(values.length, combos.length); i++)
        next.push({ ...combos[i % combos.length], [name]: values[i % values.length]! });
    combos = next;
  }
  return combos;
}

/** Everything wrong with one message on its own: it does not parse, lacks `other`, or does not format cleanly. */
export function messageProblems(language: Language, id: string): string[] {
  const text = language.catalogue[id]!;
  const where = `${language.lang}: '${id}'`;
  const parsed = parseMessage(text);
  if (!parsed.ok) return [`${where} is not valid ICU MessageFormat (${parsed.error})`];
  const out: string[] = [];
  for (const arg of missingOther(parsed.elements)) out.push(`${where} has a plural or select on {${arg}} without an 'other' choice`);
  if (out.length) return out; // it would not compile either, for the same reason
  let format: IntlMessageFormat;
  try {
    format = new IntlMessageFormat(text, language.locale, undefined, { ignoreTag: true });
  } catch (e) {
    return [...out, `${where} does not compile for ${language.locale} (${(e as Error).message})`];
  }
  for (const values of sampleValues(argumentsOf(parsed.elements))) {
    let s: string;
    try {
      const r = format.format(values);
      s = Array.isArray(r) ? r.join("") : String(r);
    } catch (e) {
      out.push(`${where} fails to format with ${JSON.stringify(values)} (${(e as Error).message})`);
      break;
    }
    // A brace in the output is ICU quoting gone wrong ('{' prints a brace instead of a value).
    if (/[{}]/.test(s)) {
      out.push(`${where} prints a brace, so an apostrophe quotes part of it: "${s}"`);
      break;
    }
  }
  return out;
}

/** What differs between one message in two languages: its arguments, their kinds, their choices. */
export function pairProblems(ref: Language, other: Language, id: string): string[] {
  const a = parseMessage(ref.catalogue[id]!);
  const b = parseMessage(other.catalogue[id]!);
  if (!a.ok || !b.ok) return []; // reported by messageProblems
  const ra = argumentsOf(a.elements);
  const rb = argumentsOf(b.elements);
  const where = `${other.lang}: '${id}'`;
  const names = (m: ReadonlyMap<string, ArgUse>) => [...m.keys()].sort().join(" ");
  if (names(ra) !== names(rb)) return [`${where} has the arguments ${describeArgs(rb)}, but ${ref.lang} has ${describeArgs(ra)}`];
  const out: string[] = [];
  for (const [name, use] of ra) {
    const theirs = rb.get(name)!;
    const choice = (k: ArgKind) => k === "plural" || k === "select";
    if ((choice(use.kind) || choice(theirs.kind)) && use.kind !== theirs.kind) {
      out.push(`${where} uses {${name}} as a ${theirs.kind}, but ${ref.lang} uses it as a ${use.kind}`);
      continue;
    }
    // A select's words come from the code: each language must offer the same ones.
    if (use.kind === "select") {
      const missing = [...use.options].filter((o) => !theirs.options.has(o));
      const extra = [...theirs.options].filter((o) => !use.options.has(o));
      if (missing.length) out.push(`${where} has no '${missing.join("', '")}' choice for {${name}}, which ${ref.lang} has`);
      if (extra.length) out.push(`${where} has a '${extra.join("', '")}' choice for {${name}}, which ${ref.lang} does not have`);
    }
    // Plural categories differ by language, but an exact count (=0 {}) is a choice the words rely on.
    if (use.kind === "plural") {
      const missing = [...use.options].filter((o) => o.startsWith("=") && !theirs.options.has(o));
      if (missing.length) out.push(`${where} has no '${missing.join("', '")}' choice for {${name}}, which ${ref.lang} has`);
    }
  }
  return out;
}

/** Why a locale cannot format numbers and dates, or undefined when Intl knows it. */
export function localeProblem(locale: string): string | undefined {
  try {
    if (Intl.NumberFormat.supportedLocalesOf([locale]).length === 0) return `'${locale}' is not a locale that Intl knows`;
  } catch {
    return `'${locale}' is not a locale: write a language tag such as es or es-US`;
  }
  return undefined;
}

/** Every problem across catalogues, each compared with the reference language (English). */
export function catalogueProblems(languages: readonly Language[], reference = "en"): string[] {
  const ref = languages.find((l) => l.lang === reference);
  if (!ref) return [`there is no ${reference} catalogue to compare the others with`];
  const out: string[] = [];
  for (const language of languages) {
    const bad = localeProblem(language.locale);
    if (bad) out.push(`${language.lang}: _meta.locale ${bad}`);
    // With a broken locale, check the messages with the reference's, so that one mistake is reported once.
    const checked = bad ? { ...language, locale: ref.locale } : language;
    for (const id of Object.keys(language.catalogue)) out.push(...messageProblems(checked, id));
    if (language === ref) continue;
    for (const id of Object.keys(ref.catalogue))
      if (!(id in language.catalogue)) out.push(`${language.lang}: '${id}' is missing (it is in ${ref.lang})`);
    for (const id of Object.keys(language.catalogue)) {
      if (!(id in ref.catalogue)) out.push(`${language.lang}: '${id}' is not in ${ref.lang}`);
      else out.push(...pairProblems(ref, language, id));
    }
  }
  return out;
}

// ---------------------------------------------------------------- the rubric's words

/** The words of one criterion, as rubric/rubric.yaml and rubric/rubric.<lang>.yaml give them. */
export const CRITERION_TEXT = ["title", "question", "why", "partial_credit", "unknown_data"] as const;
/** Text fields a criterion may have (issue 13's), required in a translation wherever the English has them. */
export const CRITERION_OPTIONAL = ["recommendation", "hearing_question"] as const;
export const SCORING = ["met", "partly_met", "not_met"] as const;
export const GRADING_TEXT = ["unknown", "rounding", "ties", "evidence"] as const;

const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

export interface EnglishRubric {
  version: string;
  title: string;
  summary: string;
  categories: { id: string; title: string }[];
  grading: Record<string, unknown>;
  criteria: Record<string, unknown>[];
}

/** What a translation of the rubric's words lacks, or has that the rubric does not. */
export function rubricWordsProblems(english: EnglishRubric, translated: unknown, file: string): string[] {
  const out: string[] = [];
  const t = (translated ?? {}) as Record<string, unknown>;
  const allowedTop = new Set(["version", "lang", "title", "summary", "categories", "grading", "criteria"]);
  for (const k of Object.keys(t)) if (!allowedTop.has(k)) out.push(`${file}: '${k}' is not part of the rubric's words`);
  if (t.version !== english.version)
    out.push(
      `${file}: translates rubric version '${String(t.version)}', but rubric/rubric.yaml is version '${english.version}'. Check the words against the changed English, then set version: "${english.version}"`,
    );
  for (const k of ["title", "summary"] as const) if (!isText(t[k])) out.push(`${file}: ${k} is missing`);

  const cats = (t.categories ?? {}) as Record<string, unknown>;
  for (const c of english.categories) if (!isText(cats[c.id])) out.push(`${file}: categories.${c.id} is missing`);
  for (const id of Object.keys(cats))
    if (!english.categories.some((c) => c.id === id)) out.push(`${file}: categories.${id} is not a category of the rubric`);

  const grading = (t.grading ?? {}) as Record<string, unknown>;
  for (const k of GRADING_TEXT) if (!isText(grading[k])) out.push(`${file}: grading.${k} is missing`);
  for (const k of Object.keys(grading))
    if (!(GRADING_TEXT as readonly string[]).includes(k)) out.push(`${file}: grading.${k} is not part of the rubric's words`);

  const criteria = (t.criteria ?? {}) as Record<string, unknown>;
  const englishHas = (k: string) => english.criteria.some((c) => isText(c[k]));
  const ids = english.criteria.map((c) => String(c.id));
  for (const id of ids) if (!(id in criteria)) out.push(`${file}: criteria.${id} is missing`);
  for (const id of Object.keys(criteria)) if (!ids.includes(id)) out.push(`${file}: criteria.${id} is not a criterion of the rubric`);
  for (const en of english.criteria) {
    const id = String(en.id);
    const c = criteria[id] as Record<string, unknown> | undefined;
    if (!c) continue;
    const allowed = new Set<string>([...CRITERION_TEXT, ...CRITERION_OPTIONAL, "scoring"]);
    for (const k of Object.keys(c))
      if (!allowed.has(k))
        out.push(`${file}: criteria.${id}.${k} is not part of the rubric's words (weights, params and citations stay in rubric.yaml)`);
    for (const k of CRITERION_TEXT) if (!isText(c[k])) out.push(`${file}: criteria.${id}.${k} is missing`);
    for (const k of CRITERION_OPTIONAL) {
      if (isText(en[k]) && !isText(c[k])) out.push(`${file}: criteria.${id}.${k} is missing (rubric.yaml has one)`);
      // Written ahead of the English only while rubric.yaml has no such field at all.
      else if (!isText(en[k]) && c[k] !== undefined && englishHas(k)) out.push(`${file}: criteria.${id}.${k} is not in rubric.yaml`);
      else if (c[k] !== undefined && !isText(c[k])) out.push(`${file}: criteria.${id}.${k} is empty`);
    }
    const scoring = (c.scoring ?? {}) as Record<string, unknown>;
    for (const k of SCORING) if (!isText(scoring[k])) out.push(`${file}: criteria.${id}.scoring.${k} is missing`);
    for (const k of Object.keys(scoring))
      if (!(SCORING as readonly string[]).includes(k)) out.push(`${file}: criteria.${id}.scoring.${k} is not a status`);
  }
  return out;
}
