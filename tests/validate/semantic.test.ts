import { describe, expect, it } from "vitest";
import { check } from "../../src/pipeline.ts";
import { readFixture } from "../helpers.ts";

const VALID = readFixture("valid", "example-county.yaml");
const TODAY = "2026-11-29";

/** The valid fixture with each [from, to] replaced once (each `from` must be present). */
function edited(...edits: [string, string][]): string {
  let text = VALID;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}
const problems = (text: string, today = TODAY) => check("t.yaml", text, today).problems;
const found = (text: string, today = TODAY) => problems(text, today).map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);

describe("rules beyond the schema", () => {
  it("accepts the valid fixture with no problems at all", () => {
    expect(problems(VALID)).toEqual([]);
  });

  it("does not count referrals of victims identified without arrest against the arrests (trafficker investigations)", () => {
    // The fixture refers 3 people after 2 arrests, because 3 victims were identified.
    expect(found(edited(["victims_identified: 3", "victims_identified: unknown"]))).toEqual(["error referrals-exceed-arrests 87:27"]);
    expect(found(edited(["referred_to_services: 3", "referred_to_services: 6"]))).toEqual(["error referrals-exceed-arrests 87:27"]);
  });

  it("does not compare referrals with arrests for outreach, which arrests nobody", () => {
    expect(
      found(edited(["type: trafficker-investigation", "type: outreach"], ["referred_to_services: 3", "referred_to_services: 40"])),
    ).toEqual([]);
  });

  it("leaves sums alone when the total or a charge is unknown", () => {
    expect(found(edited(["total: 2", "total: unknown"], ["trafficking: 2", "trafficking: 9"]))).toEqual([]);
  });

  it("accepts dates equal to today, refuses tomorrow, and compares partial dates only as far as they are written", () => {
    expect(found(edited(["last_reviewed: 2024-05-01", "last_reviewed: 2026-11-29"]))).toEqual([]);
    expect(found(edited(["last_reviewed: 2024-05-01", "last_reviewed: 2026-11-30"]))).toEqual(["error date-in-future 31:18"]);
    expect(found(edited(['as_of: "2023"', 'as_of: "2026"']))).toEqual([]);
    expect(found(edited(['as_of: "2023"', 'as_of: "2027"']))).toEqual(["error date-in-future 38:10"]);
    expect(found(edited(["date: 2023-03-14", "date: 2024-02-29"]))).toEqual([]);
    expect(found(edited(["date: 2023-03-14", "date: 2023-02-29"]))).toEqual(["error date-invalid 76:11"]);
  });

  it("warns when dates contradict each other", () => {
    expect(found(edited(["date: 2023-03-14", "date: 2018-03-14"]))).toEqual(["warning date-order 76:11"]);
    expect(problems(edited(["last_reviewed: 2024-05-01", "last_reviewed: 2023-12-01"]))[0]?.message).toMatch(
      /last_reviewed \(2023-12-01\) is before sources\[1\] was published \(2024-01-10\)/,
    );
  });

  it("requires a source for a known fact, and says to cite one or write unknown", () => {
    const [p] = problems(
      edited(["non_punishment_of_victims: { status: yes, sources: [example-report-2023] }", "non_punishment_of_victims: { status: yes }"]),
    );
    expect(p).toMatchObject({ code: "source-missing", severity: "error", line: 92 });
    expect(p!.message).toMatch(/policies\.non_punishment_of_victims states status: yes, but cites no source\. .*or write unknown/);
    expect(
      found(edited(["no_condoms_as_evidence: { status: unknown }", "no_condoms_as_evidence: { status: unknown, sources: [] }"])),
    ).toEqual([]);
    expect(found(edited(['date: "2019"\n  sources: [example-gazette-2019]', 'date: "2019"\n  sources: []']))).toEqual([
      "error source-missing 15:12",
    ]);
    expect(found(edited(['date: "2019"\n  sources: [example-gazette-2019]', "date: unknown\n  sources: []"]))).toEqual([]);
  });

  it("requires every listed member, grant and operation to cite a source", () => {
    const text = edited([
      "    amount: 250000\n    currency: USD\n    years: 2019-2021\n    sources: [example-gazette-2019]",
      "    amount: unknown\n    sources: []",
    ]);
    expect(problems(text).map((p) => p.message)).toEqual([
      expect.stringMatching(/^funding\[0\] \('Example State Department of Justice'\) cites no source/),
    ]);
  });

  it("resolves references to an id written out of form once, at the id", () => {
    const text = VALID.replaceAll("example-reply-2024", "Example Reply 2024");
    expect(found(text).filter((p) => p.includes("error"))).toEqual(["error schema-format 36:74", "error schema-format 113:9"]);
  });

  it("suggests the listed id that differs only in case", () => {
    const messages = problems(edited(["sources: [example-reply-2024]", "sources: [Example-Reply-2024]"])).map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^source 'Example-Reply-2024' is not listed under sources:\. Did you mean 'example-reply-2024'\?/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^sources\[0\] is not in the right form/));
  });

  it("warns about the same organisation listed twice, ignoring case and spacing", () => {
    expect(found(edited(["name: Example City Police", "name: example  county sheriff"]))).toEqual(["warning member-duplicate 61:13"]);
  });

  it("warns when members of a sector outnumber the seats counted for it, but not for partners", () => {
    expect(found(edited(["survivor_led_seats: 1", "survivor_led_seats: 0"]))).toEqual(["warning seats-fewer-than-members 67:23"]);
    expect(
      found(
        edited(
          ["survivor_led_seats: 1", "survivor_led_seats: 0"],
          [
            "role: voting-member\n      votes: yes\n      sources: [example-report-2023]\n    - name: Example Sex",
            "role: partner\n      votes: yes\n      sources: [example-report-2023]\n    - name: Example Sex",
          ],
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a published scorecard that never gave the task force a chance to reply (more in tests/hearing)", () => {
    expect(found(edited(["  requested: 2024-04-01\n", ""]))).toEqual(["error reply-missing 30:11"]);
  });

  it("warns when the yaml-language-server line is missing or points elsewhere, always at 1:1", () => {
    const without = VALID.replace(/^# yaml-language-server.*\n/, "");
    expect(found(without)).toEqual(["warning modeline-missing 1:1"]);
    expect(problems(VALID.replace("task-force.schema.json", "other.json"))[0]?.message).toMatch(/points at '.*other\.json'/);
    expect(found("# A comment first\n" + VALID)).toEqual([]);
    // A file saved with a byte order mark before its first line (some Windows editors do).
    expect(found("\uFEFF" + VALID)).toEqual([]);
    expect(found("\uFEFF" + without)).toEqual(["warning modeline-missing 1:1"]);
  });

  it("runs its checks even when the schema fails elsewhere, so every problem shows at once", () => {
    expect(
      found(edited(["name: Example County Task Force", "nme: Example County Task Force"], ["selling_sex: 0", "selling_sex: 5"])).map(
        (p) => p.split(" ")[1],
      ),
    ).toEqual(["schema-required", "schema-unknown-field", "arrests-exceed-total"]);
  });
});
