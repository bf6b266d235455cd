import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { codePointLabel } from "../render/fonts-coverage-table.ts";
import { firstHidingCharacter, visibleText } from "../validate/format-characters.ts";
import { UserError } from "../errors.ts";
import { DEFAULT_REPLY_DAYS } from "../model.ts";

export const CONFIG_FILE = "scorecard.config.yaml";

/** Settings for a collection of scorecards, from scorecard.config.yaml. */
export interface ScorecardConfig {
  /** The organisation that publishes the scorecards: the PDF's Author, and who signs the reply packet. */
  publisher: string;
  /** Who receives the task force's reply: a name and an email or postal address. */
  contact?: string;
  /** Where the full scorecards can be read online, printed on the handout. */
  site_url?: string;
  /** Days a task force has to reply to the draft when its file gives no deadline (30 when not set). */
  reply_days?: number;
  /** The languages every scorecard is built in, the first one without a suffix: output/<name>.pdf, then <name>.es.pdf. */
  languages?: string[];
}

/** The languages built when the config names none. */
export const DEFAULT_LANGUAGES: readonly string[] = ["en", "es"];

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The languages to build: `--lang` when given (one or several, comma-separated), else the
 * config's, else English and Spanish. Every one must have a catalogue. The first of the
 * config's list is the one without a suffix. Pure.
 */
export function buildLanguages(
  config: ScorecardConfig,
  available: readonly string[],
  only?: string,
): { languages: string[]; first: string } {
  const configured = config.languages ?? [...DEFAULT_LANGUAGES];
  const first = configured[0] ?? "en";
  const asked =
    only === undefined
      ? configured
      : only
          .split(",")
          .map((l) => l.trim())
          .filter(Boolean);
  const unknown = asked.filter((l) => !available.includes(l));
  if (asked.length === 0) throw new UserError(`--lang needs a language, like: --lang es (the tool has ${available.join(", ")})`);
  if (unknown.length) {
    throw new UserError(
      `${only === undefined ? `${CONFIG_FILE}: languages` : "--lang"} names ${unknown.map((l) => `'${l}'`).join(", ")}, but the tool has words only for ${available.join(", ")}. Write one of those, or add messages/${unknown[0]}/ with a translation of messages/en/.`,
    );
  }
  return { languages: [...new Set(asked)], first };
}

/** The name of a language's output next to the first language's: "" for the first, ".es" for Spanish. */
export const languageSuffix = (lang: string, first: string): string => (lang === first ? "" : `.${lang}`);

/** Used when there is no config file: the name of the project that publishes the rubric. */
export const DEFAULT_CONFIG: ScorecardConfig = { publisher: "Task Force Accountability Scorecard project" };

/** The days a task force has to reply, from the config or the default. */
export const replyDays = (config: ScorecardConfig | undefined): number => config?.reply_days ?? DEFAULT_REPLY_DAYS;

const oneLine = (text: string) => text.trim().replace(/\s+/g, " ");

/** Checks the config file's text. Pure; missing settings fall back to the defaults. Every problem is reported at once. */
export function parseConfig(text: string, file = CONFIG_FILE): ScorecardConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UserError(
      `${file}: this is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)}). Write it like: publisher: Your Organisation`,
      [],
      { cause: error },
    );
  }
  if (data === null || data === undefined) return DEFAULT_CONFIG;
  if (typeof data !== "object" || Array.isArray(data))
    throw new UserError(`${file}: write settings as "name: value" lines, like: publisher: Your Organisation`);
  const d = data as Record<string, unknown>;
  const problems: string[] = [];
  const text1 = (key: string, example: string): string | undefined => {
    const v = d[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string" || v.trim() === "") {
      problems.push(`${key} must be written in words, like: ${key}: ${example}`);
      return undefined;
    }
    // The publisher becomes every PDF's Author: an invisible control would make it read
    // differently from what it is, as it would a task force's name.
    const hidden = firstHidingCharacter(v);
    if (hidden) {
      problems.push(
        `${key} contains an invisible character, ${codePointLabel(hidden.cp)} (${hidden.name}), after '${visibleText(v.slice(0, hidden.at)).slice(-30)}': it would change how the text reads on every scorecard. Delete it: retype the ${key} without copying it from elsewhere.`,
      );
      return undefined;
    }
    return oneLine(v);
  };
  const config: ScorecardConfig = { ...DEFAULT_CONFIG };
  const publisher = text1("publisher", "Your Organisation");
  if (publisher) config.publisher = publisher;
  const contact = text1("contact", "Jane Doe, jane@example.org");
  if (contact) config.contact = contact;
  const site = text1("site_url", "https://example.org/scorecards");
  if (site) {
    if (/^https?:\/\/[^\s"'<>`]+$/i.test(site)) config.site_url = site;
    else
      problems.push(
        `site_url must be a web address starting with https:// or http://, like: site_url: https://example.org/scorecards (not '${site.slice(0, 60)}')`,
      );
  }
  const days = d.reply_days;
  if (days !== undefined && days !== null) {
    if (typeof days === "number" && Number.isInteger(days) && days >= 1 && days <= 365) config.reply_days = days;
    else {
      const scalar = typeof days === "string" || typeof days === "number" || typeof days === "boolean";
      const shown = scalar ? `'${String(days).slice(0, 30)}'` : Array.isArray(days) ? "a list" : "a section";
      problems.push(`reply_days must be a whole number of days from 1 to 365, like: reply_days: 30 (not ${shown})`);
    }
  }
  const langs = d.languages;
  if (langs !== undefined && langs !== null) {
    const list = typeof langs === "string" ? [langs] : langs;
    if (!Array.isArray(list) || list.length === 0 || !list.every((l) => typeof l === "string" && LANGUAGE_TAG.test(l))) {
      problems.push(
        `languages must be a list of language tags, the first one printed without a suffix, like: languages: [en, es] (not '${JSON.stringify(langs).slice(0, 40)}')`,
      );
    } else config.languages = [...new Set(list as string[])];
  }
  if (problems.length) throw new UserError(`${file}: ${problems.join(". ")}.`);
  return config;
}

/** Reads scorecard.config.yaml from a folder; without one, the defaults apply. */
export function readConfig(dir: string): ScorecardConfig {
  let text: string;
  try {
    text = readFileSync(join(dir, CONFIG_FILE), "utf8");
  } catch {
    return DEFAULT_CONFIG;
  }
  return parseConfig(text, CONFIG_FILE);
}
