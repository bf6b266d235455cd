import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig, readConfig } from "../../src/io/config.ts";
import { UserError } from "../../src/errors.ts";
import { tempDir } from "../helpers.ts";

describe("scorecard.config.yaml", () => {
  it("reads the publisher", () => {
    expect(parseConfig("publisher:   Example Advocates  \n")).toEqual({ publisher: "Example Advocates" });
  });

  it("falls back to the default when the file or the publisher is missing", () => {
    expect(readConfig(tempDir())).toEqual(DEFAULT_CONFIG);
    expect(parseConfig("")).toEqual(DEFAULT_CONFIG);
    expect(parseConfig("# only a comment\n")).toEqual(DEFAULT_CONFIG);
    expect(parseConfig("other: 1\n")).toEqual(DEFAULT_CONFIG);
  });

  it("says what to write when the publisher is not a name", () => {
    for (const bad of ["publisher: 42\n", "publisher: ''\n", "publisher: [a, b]\n", "- a list\n", "publisher: 'unclosed\n"]) {
      expect(() => parseConfig(bad)).toThrow(UserError);
      expect(() => parseConfig(bad)).toThrow(/publisher: Your Organisation/);
    }
  });

  it("reads the file from the folder it is given", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "scorecard.config.yaml"), "publisher: Example Coalition (fictional)\n");
    expect(readConfig(dir).publisher).toBe("Example Coalition (fictional)");
  });
});

describe("languages", () => {
  it("reads languages: as a list, the first without a suffix, and --lang as one or several of them", async () => {
    const { buildLanguages, languageSuffix } = await import("../../src/io/config.ts");
    const config = parseConfig("languages: [es, en]\n");
    expect(config.languages).toEqual(["es", "en"]);
    expect(buildLanguages(config, ["en", "es"])).toEqual({ languages: ["es", "en"], first: "es" });
    expect(buildLanguages(config, ["en", "es"], "en")).toEqual({ languages: ["en"], first: "es" });
    expect(buildLanguages(DEFAULT_CONFIG, ["en", "es"])).toEqual({ languages: ["en", "es"], first: "en" });
    expect(buildLanguages(DEFAULT_CONFIG, ["en", "es"], "es,en,es")).toEqual({ languages: ["es", "en"], first: "en" });
    expect(languageSuffix("es", "en")).toBe(".es");
    expect(languageSuffix("en", "en")).toBe("");
    expect(parseConfig("languages: es\n").languages).toEqual(["es"]);
  });

  it("says what to write for a language that is not a tag, or has no catalogue", async () => {
    const { buildLanguages } = await import("../../src/io/config.ts");
    for (const bad of ["languages: []\n", "languages: [en, 3]\n", "languages: [English]\n", "languages: {en: yes}\n"]) {
      expect(() => parseConfig(bad)).toThrow(
        /languages must be a list of language tags, the first one printed without a suffix, like: languages: \[en, es\]/,
      );
    }
    expect(() => buildLanguages(parseConfig("languages: [en, fr]\n"), ["en", "es"])).toThrow(
      "scorecard.config.yaml: languages names 'fr', but the tool has words only for en, es. Write one of those, or add messages/fr/ with a translation of messages/en/.",
    );
    expect(() => buildLanguages(DEFAULT_CONFIG, ["en", "es"], " , ")).toThrow(/--lang needs a language/);
  });
});
