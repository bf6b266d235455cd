// The review block and the right of reply: the states a scorecard goes through before it is
// published, their dates, and the task force's replies. Pure: today, the rubric's criterion
// ids and the usual reply time are passed in.
import type { Problem, ProblemCode } from "../errors.ts";
import { locate, type DataPath, type Loaded } from "../load/load.ts";
import { addDays, DEFAULT_REPLY_DAYS } from "../model.ts";
import { formatDate as formatDateIn } from "../i18n/dates.ts";
import { clip, closest } from "./messages.ts";

/** Dates in messages, as "21 August 2018"; "" for unknown. */
const formatDate = (date: string): string => formatDateIn(date, "en-GB");

export interface ReviewContext {
  /** YYYY-MM-DD. */
  today: string;
  /**
   * The rubric's criterion ids, or a function that gives them (so that the rubric is read
   * only for a file that has replies). A reply's about: must be one of them or general;
   * without them it is not checked.
   */
  criteria?: readonly string[] | (() => readonly string[]);
  /** Days a task force has to reply when the file gives no deadline (scorecard.config.yaml's reply_days). */
  replyDays?: number;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ANY_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const PACKET = "npm run scorecard -- reply-packet <this file>";

/** A readable date for a message: "1 April 2026 (2026-04-01)". */
const shown = (day: string) => {
  const words = formatDate(day);
  return words && words !== day ? `${words} (${day})` : day;
};

/** True when a is before b, comparing only as precisely as both are written (2026-04 is not before 2026-04-10). */
const before = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

const dayExists = (day: string): boolean => {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

/** What to write instead of each old review.reply status. */
const OLD_REPLY: Record<string, string> = {
  "not-requested": "review.reply is no longer used, and 'not-requested' needs no line at all: delete reply: and the lines under it.",
  requested:
    "review.reply is no longer used. Write instead, under review: status: sent-for-reply and requested: YYYY-MM-DD (the day you sent the draft); then delete reply: and the lines under it.",
  received:
    "review.reply is no longer used. Record the task force's answer under review.replies, in its own words (date, from, about, agrees, text and sources: see docs/contributing.md), write status: replied and requested: YYYY-MM-DD (the day you sent the draft); then delete reply: and the lines under it.",
  declined:
    "review.reply is no longer used. If the task force wrote to decline, record its words under review.replies (about: general); if it simply did not answer, write status: no-reply and requested: YYYY-MM-DD (the day you sent the draft). Then delete reply: and the lines under it.",
};

/**
 * The rules of the review: which states need which dates, replies that name a real
 * criterion and come after the request, and a publication only once the task force has
 * replied or its time to reply has run out.
 */
export function checkReview(loaded: Loaded, ctx: ReviewContext): Problem[] {
  const problems: Problem[] = [];
  const report = (path: DataPath, part: "key" | "value", code: ProblemCode, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file: loaded.file, ...locate(loaded, path, part), code, message, severity });
  const data = loaded.data;
  const review = isRec(data) && isRec(data.review) ? data.review : undefined;
  if (!review) return problems;
  const days = ctx.replyDays ?? DEFAULT_REPLY_DAYS;
  const status = str(review.status);
  const replies = Array.isArray(review.replies) ? review.replies : [];

  // The old way of recording the reply.
  if (review.reply !== undefined) {
    const old = isRec(review.reply) ? str(review.reply.status) : undefined;
    const message = (old && OLD_REPLY[old]) ?? OLD_REPLY.received!;
    report(["review", "reply"], "key", "review-old-reply", message, old === "not-requested" ? "warning" : "error");
  }

  // The dates.
  const requested = str(review.requested);
  const requestedOk = requested !== undefined && dayExists(requested);
  if (requested !== undefined && DAY.test(requested)) {
    if (!requestedOk)
      report(
        ["review", "requested"],
        "value",
        "date-invalid",
        `requested is ${requested}, but that day does not exist. Write the day you sent the draft, as YYYY-MM-DD.`,
      );
    else if (requested > ctx.today)
      report(
        ["review", "requested"],
        "value",
        "date-in-future",
        `requested is ${requested}, which is in the future (today is ${ctx.today}). Write the day you sent the draft; until then, keep status: draft.`,
      );
  }
  const written = str(review.deadline);
  if (written !== undefined && DAY.test(written)) {
    if (!dayExists(written))
      report(["review", "deadline"], "value", "date-invalid", `deadline is ${written}, but that day does not exist. Check the date.`);
    else if (requestedOk && written < requested) {
      report(
        ["review", "deadline"],
        "value",
        "deadline-before-request",
        `the deadline (${shown(written)}) is before the draft was sent (${shown(requested)}). Check both dates, or delete deadline: to give the usual ${days} days.`,
      );
    }
  }
  const deadline = written !== undefined && dayExists(written) ? written : requestedOk ? addDays(requested, days) : undefined;

  // The replies.
  let known: string[] | undefined;
  const knownCriteria = () =>
    (known ??= typeof ctx.criteria === "function" ? [...ctx.criteria()] : ctx.criteria ? [...ctx.criteria] : undefined);
  replies.forEach((reply, i) => {
    if (!isRec(reply)) return;
    const about = str(reply.about);
    const known = about !== undefined && about !== "general" ? knownCriteria() : undefined;
    if (about !== undefined && known && about !== "general" && !known.includes(about)) {
      const guess = closest(about, [...known, "general"]);
      report(
        ["review", "replies", i, "about"],
        "value",
        "reply-unknown-criterion",
        `about is '${clip(about, 60)}', which is not a criterion of the rubric.${guess ? ` Did you mean '${guess}'?` : ""} Write the id of the criterion this answer is about (one of: ${known.join(", ")}), or general.`,
      );
    }
    if (Array.isArray(reply.sources) && reply.sources.length === 0) {
      report(
        ["review", "replies", i, "sources"],
        "value",
        "source-missing",
        "this reply cites no source. List the task force's letter or email under sources: (with type: task-force-reply) and cite its id here, such as sources: [reply-letter-2026].",
      );
    }
    const date = str(reply.date);
    if (date !== undefined && ANY_DATE.test(date) && requestedOk && before(date, requested)) {
      report(
        ["review", "replies", i, "date"],
        "value",
        "reply-before-request",
        `this reply is dated ${shown(date)}, before the draft was sent (requested: ${shown(requested)}). A reply answers the draft, so it cannot come first: check both dates.`,
      );
    }
  });

  // The states.
  const statusAt: DataPath = ["review", "status"];
  const hasReplies = replies.length > 0;
  const needsRequest = status === "sent-for-reply" || status === "replied" || status === "no-reply" || status === "published";
  if (needsRequest && requested === undefined) {
    const what =
      status === "published"
        ? "this scorecard is published, but the task force was never sent the draft for its reply. Make the reply packet (" +
          PACKET +
          "), send it, then write requested: YYYY-MM-DD (the day you sent it) and status: sent-for-reply. Publish once the task force replies or its deadline passes."
        : `status is ${status}, but requested: does not say when the draft was sent. Add requested: YYYY-MM-DD (the day you sent the reply packet) under review:, or write status: draft if it has not been sent.`;
    report(statusAt, "value", "reply-missing", what);
  }
  if (hasReplies && requested === undefined && !needsRequest) {
    report(
      ["review", "replies"],
      "key",
      "reply-missing",
      "review.replies records an answer, but requested: does not say when the draft was sent. Add requested: YYYY-MM-DD (the day you sent the reply packet), and write status: replied.",
    );
  }
  const waiting = deadline !== undefined && deadline >= ctx.today;
  if (status === "replied" && !hasReplies) {
    report(
      statusAt,
      "value",
      "review-status-mismatch",
      "status is replied, but no reply is recorded. Add the task force's answer under review.replies, in its own words, or write status: sent-for-reply while you wait.",
    );
  }
  if (status === "no-reply" && hasReplies) {
    report(statusAt, "value", "review-status-mismatch", "status is no-reply, but review.replies records an answer. Write status: replied.");
  }
  if (!hasReplies && deadline !== undefined && waiting && (status === "no-reply" || status === "published")) {
    report(
      statusAt,
      "value",
      "review-not-ready",
      `status is ${status}, but the task force has until ${shown(deadline)} to reply, and no reply is recorded. Keep status: sent-for-reply until then, or record its reply under review.replies.`,
    );
  }
  if (status === "sent-for-reply" && hasReplies) {
    report(
      statusAt,
      "value",
      "review-status-mismatch",
      "the task force has replied (see review.replies), but status is still sent-for-reply. Write status: replied.",
      "warning",
    );
  }
  if (status === "sent-for-reply" && !hasReplies && deadline !== undefined && !waiting) {
    report(
      statusAt,
      "value",
      "review-deadline-passed",
      `the deadline for a reply (${shown(deadline)}) has passed, and no reply is recorded. If none came, write status: no-reply (or publish); if one did, record it under review.replies.`,
      "warning",
    );
  }
  if (status === "draft" && requested !== undefined) {
    report(
      statusAt,
      "value",
      "review-status-mismatch",
      `requested says the draft was sent on ${requested}, but status is still draft. Write status: sent-for-reply, or delete requested: if it was not sent.`,
      "warning",
    );
  }
  return problems;
}

/** The task force as the later stages read it: the deadline worked out when the file gives none. */
export function withDeadline<T extends { review: { requested?: string; deadline?: string } }>(
  taskForce: T,
  replyDays = DEFAULT_REPLY_DAYS,
): T {
  const r = taskForce.review;
  if (r.deadline || !r.requested) return taskForce;
  return { ...taskForce, review: { ...r, deadline: addDays(r.requested, replyDays) } };
}

/** A release build (--strict) prints only published scorecards: any other state is an error. */
export function draftRefused(loaded: Loaded): Problem[] {
  const review = isRec(loaded.data) && isRec(loaded.data.review) ? loaded.data.review : undefined;
  const status = review ? str(review.status) : undefined;
  if (!review || status === undefined || status === "published") return [];
  return [
    {
      file: loaded.file,
      ...locate(loaded, ["review", "status"], "value"),
      code: "review-draft",
      severity: "error",
      message: `this scorecard is not published (status: ${clip(status, 30)}), and a release build (--strict) prints only published scorecards. Publish it first (see "Publish a scorecard" in docs/contributing.md), or leave this file out of the release.`,
    },
  ];
}
