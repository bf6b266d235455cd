import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { UserError } from "../errors.ts";

export const CONFIG_FILE = "scorecard.config.yaml";

/** Settings for a collection of scorecards, from scorecard.config.yaml. */
export interface ScorecardConfig {
  /** The organisation that publishes the scorecards: the PDF's Author. */
  publisher: string;
}

/** Used when there is no config file: the name of the project that publishes the rubric. */
export const DEFAULT_CONFIG: ScorecardConfig = { publisher: "Task Force Accountability Scorecard project" };

/** Checks the config file's text. Pure; a missing publisher falls back to the default. */
export function parseConfig(text: string, file = CONFIG_FILE): ScorecardConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UserError(`${file}: this is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)}). Write it like: publisher: Your Organisation`, [], { cause: error });
  }
  if (data === null || data === undefined) return DEFAULT_CONFIG;
  if (typeof data !== "object" || Array.isArray(data)) throw new UserError(`${file}: write settings as "name: value" lines, like: publisher: Your Organisation`);
  const publisher = (data as Record<string, unknown>).publisher;
  if (publisher === undefined || publisher === null) return DEFAULT_CONFIG;
  if (typeof publisher !== "string" || publisher.trim() === "") {
    throw new UserError(`${file}: publisher must be your organisation's name in words, like: publisher: Your Organisation`);
  }
  return { publisher: publisher.trim().replace(/\s+/g, " ") };
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
