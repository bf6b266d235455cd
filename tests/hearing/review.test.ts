// The review states, their dates and the task force's replies, as validation sees them.
import { describe, expect, it } from "vitest";
import { check } from "../../src/pipeline.ts";
import { cli, tempDir } from "../helpers.ts";
import { checkText, found, laWith, LA_FILE, LA_TEXT, oneReply, TODAY } from "./helpers.ts";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const status = (s: string, extra = "") => `  status: ${s}\n  last_reviewed: 2026-11-29\n${extra}`;
const errors = (text: string, options = {}, today = TODAY) =>
  checkText(text, options, today).problems.filter((p) => p.severity === "error");

describe("replies", () => {
  it("accepts a reply about a criterion of the rubric, or about the scorecard in general", () => {
    expect(errors(laWith(oneReply("affected-community-seats"), { letter: true }))).toEqual([]);
    expect(errors(laWith(oneReply("general"), { letter: true }))).toEqual([]);
  });

  it("gives a located error for a reply about a criterion that does not exist, and suggests the nearest", () => {
    const text = laWith(oneReply("affected-community-seat"), { letter: true });
    const [p, ...rest] = errors(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: "reply-unknown-criterion", line: lineOf(text, "about: affected-community-seat"), col: 14 });
    expect(p!.message).toContain("Did you mean 'affected-community-seats'?");
    expect(p!.message).toContain("or general");
  });

  it("checks about: against the rubric's criteria as passed in, not a fixed list", () => {
    const text = laWith(oneReply("affected-community-seats"), { letter: true });
    expect(found(text, { criteria: ["law-enforcement-share"] })).toContain(`error reply-unknown-criterion ${lineOf(text, "about:")}:14`);
  });

  it("refuses a reply dated before the request", () => {
    const text = laWith(oneReply("general", "Too early.", "2026-11-30"), { letter: true });
    expect(found(text).filter((p) => p.startsWith("error"))).toEqual([
      `error reply-before-request ${lineOf(text, "- date: 2026-11-30")}:13`,
    ]);
    // The same month as the request is not 'before' when the reply gives no day.
    expect(errors(laWith(oneReply("general", "In December.", "2026-12"), { letter: true }))).toEqual([]);
  });

  it("requires every reply to cite its letter, and keeps the task force's words as written", () => {
    const text = laWith(oneReply("general").replace("      sources: [test-reply-letter]\n", "      sources: []\n"), { letter: true });
    expect(errors(text)).toMatchObject([{ code: "source-missing", line: lineOf(text, "sources: []") }]);
    expect(errors(text)[0]!.message).toContain("type: task-force-reply");
    const kept = checkText(laWith(oneReply("general", "  Line one.\n\nLine two: <b>as sent</b>  "), { letter: true })).taskForce!;
    expect(kept.review.replies![0]!.text).toBe("  Line one.\n\nLine two: <b>as sent</b>  ");
  });
});

describe("review states and dates", () => {
  it("gives a located error, with what to do, when LA is marked published without a request, and validate exits 1", async () => {
    const text = laWith(status("published"));
    const [p, ...rest] = errors(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: "reply-missing", line: lineOf(text, "status: published"), col: 11 });
    expect(p!.message).toMatch(/reply-packet/);
    expect(p!.message).toMatch(/requested: YYYY-MM-DD/);
    const dir = tempDir();
    writeFileSync(join(dir, "la.yaml"), text);
    const r = await cli(["validate", join(dir, "la.yaml")], { env: { SCORECARD_TODAY: TODAY } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`la\\.yaml:${p!.line}:11: this scorecard is published, but the task force was never sent the draft`),
    );
  });

  it("publishes only after a reply or once the deadline has passed", () => {
    const waiting = laWith(status("published", "  requested: 2027-01-01\n"));
    const [p] = errors(waiting);
    expect(p).toMatchObject({ code: "review-not-ready", line: lineOf(waiting, "status: published") });
    expect(p!.message).toContain("31 January 2027");
    expect(errors(laWith(status("published", "  requested: 2026-12-01\n")))).toEqual([]); // due 31 December 2026, passed
    expect(errors(laWith(oneReply("general").replace("status: replied", "status: published"), { letter: true }))).toEqual([]);
  });

  it("gives 30 days by default, reply_days from the config, or the file's own deadline", () => {
    const sent = (extra = "") => laWith(status("sent-for-reply", `  requested: 2026-12-01\n${extra}`));
    expect(checkText(sent()).taskForce!.review.deadline).toBe("2026-12-31");
    expect(checkText(sent(), { replyDays: 14 }).taskForce!.review.deadline).toBe("2026-12-15");
    expect(checkText(sent("  deadline: 2027-02-01\n"), { replyDays: 14 }).taskForce!.review.deadline).toBe("2027-02-01");
    // And publishing waits for that deadline.
    expect(errors(laWith(status("published", "  requested: 2026-12-01\n  deadline: 2027-02-01\n"))).map((p) => p.code)).toEqual([
      "review-not-ready",
    ]);
  });

  it("warns when the deadline has passed with no reply recorded, and says what to write", () => {
    const problems = checkText(laWith(status("sent-for-reply", "  requested: 2026-11-01\n"))).problems.filter(
      (p) => p.code === "review-deadline-passed",
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "warning" });
    expect(problems[0]!.message).toContain("status: no-reply");
  });

  it("needs a request date for every state after draft, and dates that make sense", () => {
    for (const s of ["sent-for-reply", "replied", "no-reply"])
      expect(
        errors(laWith(status(s))).map((p) => p.code),
        s,
      ).toContain("reply-missing");
    expect(errors(laWith(status("replied", "  requested: 2026-12-01\n"))).map((p) => p.code)).toEqual(["review-status-mismatch"]);
    expect(errors(laWith(status("no-reply", "  requested: 2027-01-10\n"))).map((p) => p.code)).toEqual(["review-not-ready"]);
    expect(errors(laWith(status("sent-for-reply", "  requested: 2026-12-01\n  deadline: 2026-11-20\n"))).map((p) => p.code)).toEqual([
      "deadline-before-request",
    ]);
    expect(errors(laWith(status("sent-for-reply", "  requested: 2027-02-01\n"))).map((p) => p.code)).toEqual(["date-in-future"]);
    expect(errors(laWith(status("sent-for-reply", "  requested: 2026-02-30\n"))).map((p) => p.code)).toEqual(["date-invalid"]);
    expect(errors(laWith(status("sent-for-reply", "  requested: 2026-12\n"))).map((p) => p.code)).toEqual(["schema-format"]);
  });

  it("keeps old files working or says what to write instead of review.reply", () => {
    const old = (s: string) => laWith(status("draft", `  reply:\n    status: ${s}\n`));
    const notRequested = checkText(old("not-requested"));
    expect(notRequested.taskForce).toBeDefined();
    expect(notRequested.problems.filter((p) => p.code === "review-old-reply")).toMatchObject([
      { severity: "warning", line: lineOf(old("x"), "reply:"), col: 3 },
    ]);
    expect(notRequested.problems.find((p) => p.code === "review-old-reply")!.message).toContain("delete reply:");
    for (const [s, says] of [
      ["requested", "status: sent-for-reply"],
      ["received", "review.replies"],
      ["declined", "status: no-reply"],
    ] as const) {
      const [p] = errors(old(s));
      expect(p, s).toMatchObject({ code: "review-old-reply", line: lineOf(old(s), "reply:") });
      expect(p!.message, s).toContain(says);
    }
  });
});

describe("--strict, for a release build", () => {
  it("refuses drafts and turns warnings into errors", () => {
    const la = check("la.yaml", LA_TEXT, TODAY, { strict: true });
    expect(la.taskForce).toBeUndefined();
    expect(la.problems.some((p) => p.code === "review-draft" && p.severity === "error")).toBe(true);
    expect(la.problems.every((p) => p.severity === "error")).toBe(true);
    // Any warning, whatever its code.
    expect(la.problems.find((p) => p.code === "source-unfindable")?.message).toContain("--strict");
    const published = laWith(status("published", "  requested: 2026-12-01\n"));
    expect(check("la.yaml", published, TODAY).taskForce).toBeDefined();
    expect(check("la.yaml", published, TODAY, { strict: true }).problems.map((p) => p.code)).not.toContain("review-draft");
  });

  it("is a flag of validate: exit 1 on the LA draft, and the message says what to do", async () => {
    const r = await cli(["validate", "--strict", LA_FILE], { env: { SCORECARD_TODAY: TODAY } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/:\d+:11: this scorecard is not published \(status: draft\)/);
    expect((await cli(["validate", LA_FILE], { env: { SCORECARD_TODAY: TODAY } })).code).toBe(0);
  });

  it("is a flag of build: a draft is not built, and the build exits 1", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "scorecards"));
    copyFileSync(LA_FILE, join(dir, "scorecards", "la.yaml"));
    const r = await cli(["build", "--strict"], { cwd: dir, env: { SCORECARD_TODAY: TODAY } });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/la\.yaml:\d+:11: this scorecard is not published/);
    expect(existsSync(join(dir, "output", "la.pdf"))).toBe(false);
  });
});
