// Shared set-up for the hearing tests: the Los Angeles file with its review block replaced,
// and the real rubric. The LA facts stay as they are; only the review (which the project
// writes itself) and a fictional reply source are changed, and each test says so.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "../../src/pipeline.ts";
import { parseRubric } from "../../src/score/rubric.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const LA_FILE = join(ROOT, "scorecards", "los-angeles-regional-human-trafficking-task-force.yaml");
export const LA_TEXT = readFileSync(LA_FILE, "utf8");
export const RUBRIC_TEXT = readFileSync(join(ROOT, "rubric", "rubric.yaml"), "utf8");
export const rubric = parseRubric(RUBRIC_TEXT);
export const CRITERIA = rubric.criteria.map((c) => c.id);
/** A day after the LA file's last review, so that requests and replies can be dated before it. */
export const TODAY = "2027-01-15";

const REVIEW = /^review:\n(?: {2}.*\n)+/m;

/** A fictional letter from the task force, for tests only; it is never added to the real file. */
export const REPLY_SOURCE = `  - id: test-reply-letter
    title: Reply to the draft scorecard (a made-up letter for tests)
    publisher: Test fixture (fictional)
    date: 2026-12-10
    identifier: made-up test letter
    type: task-force-reply
`;

/** The LA file with its review block replaced (and, if asked, the test letter added to its sources). */
export function laWith(review: string, options: { letter?: boolean } = {}): string {
  if (!REVIEW.test(LA_TEXT)) throw new Error("the LA file has no review: block to replace");
  const text = LA_TEXT.replace(REVIEW, `review:\n${review.replace(/^\n/, "").replace(/\s*$/, "\n")}`);
  return options.letter ? text.replace(/\n*$/, "\n") + REPLY_SOURCE : text;
}

/** A review block with one reply about the given criterion. */
export const oneReply = (
  about: string,
  text = "We have since added a survivor-led group to the task force.",
  date = "2026-12-10",
) => `  status: replied
  last_reviewed: 2026-12-12
  requested: 2026-12-01
  replies:
    - date: ${date}
      from: Office of the task force coordinator (made up for a test)
      about: ${about}
      agrees: partly
      text: ${JSON.stringify(text)}
      sources: [test-reply-letter]
`;

export const checkText = (text: string, options: Parameters<typeof check>[3] = {}, today = TODAY) =>
  check("scorecards/la.yaml", text, today, { criteria: CRITERIA, ...options });

/** "error reply-unknown-criterion 41:14" for each problem, as the fixtures tests write them. */
export const found = (text: string, options: Parameters<typeof check>[3] = {}, today = TODAY) =>
  checkText(text, options, today).problems.map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);
