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
