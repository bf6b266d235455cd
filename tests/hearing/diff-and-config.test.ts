// `diff` tells changes in the review and the replies in words; scorecard.config.yaml gives
// the contact, the site address and the days a task force has to reply.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYamlText } from "yaml";
import { compare } from "../../src/diff/compare.ts";
import { formatMarkdown, formatText } from "../../src/diff/format.ts";
import { reviewChanges } from "../../src/diff/review.ts";
import { UserError } from "../../src/errors.ts";
import { parseConfig, replyDays } from "../../src/io/config.ts";
import { messagesFor } from "../../src/io/messages.ts";
import { join } from "node:path";
import { laWith, LA_TEXT, oneReply, ROOT, RUBRIC_TEXT } from "./helpers.ts";

const FILE = "scorecards/la.yaml";
const side = (text: string, label: string) => ({ label, files: [{ file: FILE, text }], rubric: RUBRIC_TEXT });
const SENT = laWith("  status: sent-for-reply\n  last_reviewed: 2026-11-29\n  requested: 2026-12-01\n");
const REPLIED = laWith(oneReply("affected-community-seats", "A survivor-led group joined (made up for a test)."), { letter: true });

describe("diff: review state and replies", () => {
  it("shows the move from draft to sent for reply, with the date", () => {
    const model = compare(side(LA_TEXT, "main"), side(SENT, "working copy"), "2027-01-15");
    expect(model.cards[0]!.review).toEqual([
      { field: "Review state", before: "draft", after: "sent for reply" },
      { field: "Draft sent for reply on", before: "(none)", after: "1 December 2026" },
    ]);
    const text = formatText(model, messagesFor("en"));
    expect(text).toContain("Review and the task force's replies");
    expect(text).toContain("Review state: draft → sent for reply");
    // The right of reply moves from unknown to partly met: that shows as a criterion change too.
    expect(text).toMatch(/Right of reply: Unknown, 0 of 3 points → Partly met, 1\.5 of 3 points/);
  });

  it("shows a reply added, with its words, and does not repeat the raw field edits", () => {
    const model = compare(side(SENT, "main"), side(REPLIED, "working copy"), "2027-01-15");
    const review = model.cards[0]!.review;
    expect(review.map((c) => c.field)).toEqual(["Review state", "Reply added"]);
    expect(review[1]!.after).toContain("about affected-community-seats: agrees partly");
    expect(review[1]!.after).toContain("A survivor-led group joined (made up for a test).");
    const md = formatMarkdown(model, messagesFor("en"));
    expect(md).toContain("Reply added");
    // The raw edits behind it are not listed again among the facts that did not move the score.
    for (const c of [...model.cards[0]!.noEffect, ...model.cards[0]!.unclear]) expect(c.field).not.toMatch(/^review/);
  });

  it("shows a reply's words edited or removed", () => {
    const edited = REPLIED.replace("A survivor-led group joined", "Two survivor-led groups joined");
    expect(reviewChanges(parseYaml(REPLIED), parseYaml(edited)).map((c) => c.field)).toEqual([
      "Reply from Office of the task force coordinator (made up for a test), 10 December 2026, about affected-community-seats",
    ]);
    expect(reviewChanges(parseYaml(REPLIED), parseYaml(SENT)).map((c) => c.field)).toEqual(["Review state", "Reply removed"]);
    expect(reviewChanges(parseYaml(LA_TEXT), parseYaml(LA_TEXT))).toEqual([]);
    expect(reviewChanges("junk", undefined)).toEqual([]);
  });
});

describe("scorecard.config.yaml for the hearing kit", () => {
  it("reads contact, site_url and reply_days", () => {
    expect(parseConfig("publisher: P\ncontact: A. Person, a@example.org\nsite_url: https://example.org/cards\nreply_days: 14\n")).toEqual({
      publisher: "P",
      contact: "A. Person, a@example.org",
      site_url: "https://example.org/cards",
      reply_days: 14,
    });
    expect(replyDays(parseConfig("publisher: P\n"))).toBe(30);
  });

  it("says what to write for a bad contact, address or number of days, all at once", () => {
    const bad = "contact: 42\nsite_url: javascript:alert(1)\nreply_days: 2.5\n";
    expect(() => parseConfig(bad)).toThrow(UserError);
    try {
      parseConfig(bad);
    } catch (error) {
      const m = (error as Error).message;
      expect(m).toContain("contact must be written in words, like: contact: Jane Doe, jane@example.org");
      expect(m).toContain("site_url must be a web address starting with https://");
      expect(m).toContain("reply_days must be a whole number of days from 1 to 365");
    }
  });

  it("refuses a publisher or contact with an invisible control character, naming it, and keeps joiners inside words", () => {
    for (const [text, found] of [
      ["publisher: Example \u202EPress\n", "publisher contains an invisible character, U+202E (RIGHT-TO-LEFT OVERRIDE), after 'Example '"],
      ['contact: "Jane\\u200B Doe"\n', "contact contains an invisible character, U+200B"],
      ["publisher: Example\u2066 Press\n", "U+2066"],
    ] as const) {
      expect(() => parseConfig(text), text).toThrow(UserError);
      try {
        parseConfig(text);
      } catch (error) {
        const m = (error as Error).message;
        expect(m).toContain(found);
        expect(m).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
      }
    }
    // A zero-width non-joiner inside a Persian word is part of its spelling.
    expect(parseConfig("publisher: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645\n").publisher).toBe(
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
    );
  });

  it("names a list or a section given as a number of days, never [object Object]", () => {
    for (const [text, shown] of [
      ["reply_days: {a: 1}\n", "(not a section)"],
      ["reply_days: [30]\n", "(not a list)"],
      ["reply_days: thirty\n", "(not 'thirty')"],
    ] as const) {
      expect(() => parseConfig(text)).toThrow(UserError);
      try {
        parseConfig(text);
      } catch (error) {
        expect((error as Error).message).toContain(shown);
        expect((error as Error).message).not.toContain("[object");
      }
    }
  });

  it("documents every setting in the project's own config file, which stays valid", () => {
    const text = readFileSync(join(ROOT, "scorecard.config.yaml"), "utf8");
    for (const key of ["publisher", "contact", "site_url", "reply_days"]) expect(text).toContain(`${key}:`);
    expect(() => parseConfig(text)).not.toThrow();
  });
});

function parseYaml(text: string): unknown {
  return parseYamlText(text);
}
