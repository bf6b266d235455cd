// A language's words, read at the edge: its message catalogue (messages/<lang>/) and the
// rubric's words in it (rubric/rubric.<lang>.yaml). The stages get them as data.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Messages } from "../i18n/message.ts";
import { translateRubric } from "../score/rubric-words.ts";
import type { Rubric } from "../score/types.ts";
import { catalogueFiles, messagesFor } from "./messages.ts";

export interface LanguageWords {
  lang: string;
  messages: Messages;
  /** The rubric with its words in this language (the English rubric's weights and rules). */
  rubric: Rubric;
  /** Everything the words were read from, to hash: a changed translation rebuilds its files. */
  texts: string[];
  /** What is missing from the translation, in plain words. */
  warnings: string[];
}

/** Reads one language's catalogue and the rubric's words in it, beside the rubric file. */
export function readLanguage(lang: string, rubric: Rubric, rubricFile: string): LanguageWords {
  const messages = messagesFor(lang);
  const texts = catalogueFiles(lang).map((f) => readFileSync(f, "utf8"));
  const wordsFile = join(dirname(rubricFile), `${basename(rubricFile, ".yaml")}.${lang}.yaml`);
  if (lang === "en" || !existsSync(wordsFile)) {
    const warnings =
      lang === "en"
        ? []
        : [`rubric/${basename(wordsFile)} is missing, so the rubric's criteria are printed in English on the ${lang} scorecards`];
    return { lang, messages, rubric, texts, warnings };
  }
  const text = readFileSync(wordsFile, "utf8");
  const translated = translateRubric(rubric, `rubric/${basename(wordsFile)}`, text);
  return { lang, messages, rubric: translated.rubric, texts: [...texts, text], warnings: translated.warnings };
}
