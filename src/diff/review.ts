// What changed in a scorecard's review: its state, the dates of the request and the
// deadline, and the task force's replies. Pure: the raw data of both sides in, changes out.
import { formatDate as formatDateIn } from "../i18n/message.ts";
import type { Change } from "./compare.ts";

/** Dates in messages, as "21 August 2018"; "" for unknown. */
const formatDate = (date: string): string => formatDateIn(date, "en-GB");

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

const STATE_WORDS: Record<string, string> = {
  draft: "draft",
  "sent-for-reply": "sent for reply",
  replied: "replied",
  "no-reply": "no reply by the deadline",
  published: "published",
};

interface ReplyKey {
  key: string;
  about: string;
  date: string;
  from: string;
  agrees: string;
  text: string;
}

const oneLine = (text: string, max = 160) => {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

function reviewOf(data: unknown) {
  const review = isRec(data) && isRec(data.review) ? data.review : {};
  const replies: ReplyKey[] = (Array.isArray(review.replies) ? review.replies : []).filter(isRec).map((r) => ({
    key: `${str(r.about)}|${str(r.date)}|${str(r.from)}`,
    about: str(r.about),
    date: formatDate(str(r.date)) || str(r.date),
    from: str(r.from),
    agrees: str(r.agrees),
    text: str(r.text),
  }));
  return { status: str(review.status), requested: str(review.requested), deadline: str(review.deadline), replies };
}

const dateOrNone = (d: string) => (d ? formatDate(d) || d : "(none)");
const describe = (r: ReplyKey) => `${r.from}, ${r.date}, about ${r.about}: agrees ${r.agrees || "?"}. "${oneLine(r.text)}"`;

/** The review's changes, in words: state, request date, deadline, and each reply added, removed or edited. */
export function reviewChanges(before: unknown, after: unknown): Change[] {
  const a = reviewOf(before);
  const b = reviewOf(after);
  const out: Change[] = [];
  if (a.status !== b.status)
    out.push({
      field: "Review state",
      before: STATE_WORDS[a.status] ?? (a.status || "(none)"),
      after: STATE_WORDS[b.status] ?? (b.status || "(none)"),
    });
  if (a.requested !== b.requested)
    out.push({ field: "Draft sent for reply on", before: dateOrNone(a.requested), after: dateOrNone(b.requested) });
  if (a.deadline !== b.deadline) out.push({ field: "Reply deadline", before: dateOrNone(a.deadline), after: dateOrNone(b.deadline) });
  const old = new Map(a.replies.map((r) => [r.key, r]));
  const now = new Map(b.replies.map((r) => [r.key, r]));
  for (const r of b.replies) {
    const was = old.get(r.key);
    if (!was) out.push({ field: "Reply added", before: "(none)", after: describe(r) });
    else if (was.text !== r.text || was.agrees !== r.agrees)
      out.push({ field: `Reply from ${r.from}, ${r.date}, about ${r.about}`, before: describe(was), after: describe(r) });
  }
  for (const r of a.replies) if (!now.has(r.key)) out.push({ field: "Reply removed", before: describe(r), after: "(none)" });
  return out;
}
