// The answer template (output/<name>.reply.yaml): it parses, has one entry per criterion,
// survives hostile names, and once filled in goes into review.replies and onto the scorecard.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { RUBRIC_FILE, TEMPLATES_DIR } from "../../src/cli/context.ts";
import { readLanguage } from "../../src/io/languages.ts";
import { readTheme } from "../../src/io/theme.ts";
import { renderDocument, renderReplyPacket } from "../../src/pipeline.ts";
import { compileReplyPacket } from "../../src/render/documents.ts";
import { replyTemplate } from "../../src/render/reply-packet.ts";
import { compileTheme } from "../../src/render/render.ts";
import { score } from "../../src/score/score.ts";
import { checkText, laWith, LA_TEXT, rubric } from "./helpers.ts";

const options = {
  publisher: "Example Publisher (fictional)",
  contact: "A. Person, person@example.org",
  date: "2026-12-01",
  deadline: "2026-12-31",
  pdfName: "la.reply-packet.pdf",
  yamlName: "la.reply.yaml",
};
const la = checkText(LA_TEXT).taskForce!;

describe("the reply template", () => {
  const text = replyTemplate(la, score(la, rubric), rubric, options);
  const entries = parse(text) as Record<string, unknown>[];

  it("parses as YAML: a list with one entry per criterion, and one for the scorecard as a whole", () => {
    expect(Array.isArray(entries)).toBe(true);
    expect(entries.map((e) => e.about)).toEqual([...rubric.criteria.map((c) => c.id), "general"]);
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(["about", "agrees", "date", "from", "sources", "text"]);
  });

  it("says, in comments, each criterion's draft status and reason, and the question for each unknown", () => {
    for (const c of score(la, rubric).criteria) {
      expect(text).toContain(`# ${c.title}. Draft:`);
      if (c.status === "unknown")
        expect(text.replace(/\n# /g, " ")).toContain(
          `Question: ${rubric.criteria.find((r) => r.id === c.id)!.hearing_question ?? c.question}`,
        );
    }
    expect(text.replace(/\n# /g, " ")).toContain("Please reply by 31 December 2026, to A. Person, person@example.org.");
  });

  it("left unfilled, is refused by validation (agrees, date and from are required)", () => {
    const pasted = indent(text);
    const v = checkText(
      laWith(`  status: replied\n  last_reviewed: 2026-11-29\n  requested: 2026-12-01\n  replies:\n${pasted}`, { letter: true }),
    );
    expect(v.taskForce).toBeUndefined();
    expect(v.problems.filter((p) => p.severity === "error").length).toBeGreaterThanOrEqual(entries.length);
  });

  it("once filled in and pasted under review.replies, validates and prints the task force's words", () => {
    const filled = text
      .replace(/ {2}date: {6}#.*\n/g, "  date: 2026-12-10\n")
      .replace(/ {2}from: {6}#.*\n/g, "  from: Office of the coordinator (made up for a test)\n")
      .replace(/ {2}agrees: {4}#.*\n/g, "  agrees: partly\n")
      .replaceAll(`reply-${options.date}`, "test-reply-letter");
    // Keep two entries, as an advocate would, and give each its own words.
    const kept = filled
      .split(/\n(?=(?:#[^\n]*\n)*- about: )/)
      .filter((chunk) => /- about: (affected-community-seats|general)\n/.test(chunk));
    const answer = kept
      .join("\n")
      .replace(/Write your answer here.*\n/, "Survivor-led groups joined in 2026 (made up for a test).\n")
      .replace(/Write your answer here.*\n/, "We thank you for the draft (made up).\n");
    const v = checkText(
      laWith(`  status: replied\n  last_reviewed: 2026-12-12\n  requested: 2026-12-01\n  replies:\n${indent(answer)}`, { letter: true }),
    );
    expect(v.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(v.taskForce!.review.replies!.map((r) => r.about)).toEqual(["affected-community-seats", "general"]);
    const html = renderDocument(v.taskForce!, rubric, compileTheme(readTheme(TEMPLATES_DIR)), {
      dataFile: "la.yaml",
      commit: "c",
      dirty: false,
      rubricVersion: rubric.version,
      date: "2027-01-15",
    }).html;
    expect(html).toContain("Survivor-led groups joined in 2026 (made up for a test).");
  });

  it("cannot be broken by a hostile task force name or reason: comments stay comments", () => {
    const hostile = { ...la, name: 'Evil\n- about: injected\n  agrees: yes # "quote" \u2028 \r\nend' };
    const t = replyTemplate(hostile, score(hostile, rubric), rubric, options);
    const parsed = parse(t) as { about: string }[];
    expect(parsed.map((e) => e.about)).toEqual([...rubric.criteria.map((c) => c.id), "general"]);
    expect(t).not.toMatch(/^- about: injected/m);
  });
});

describe("the reply packet's HTML", () => {
  it("has the letter with publisher, contact, date and deadline, every criterion, every question, and how to answer", () => {
    const theme = readTheme(TEMPLATES_DIR);
    const built = renderDocument(
      la,
      rubric,
      compileTheme(theme),
      { dataFile: "la.yaml", commit: "c", dirty: false, rubricVersion: rubric.version, date: "2026-12-01" },
      { publisher: options.publisher },
    );
    const { html } = renderReplyPacket(built, rubric, compileReplyPacket(theme), options);
    const text = html
      .replace(/<style[\s\S]*?<\/style>/, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ");
    for (const s of [
      "From Example Publisher (fictional)",
      "Reply to A. Person, person@example.org",
      "Date 1 December 2026",
      "Reply by 31 December 2026",
      "How to answer",
      "la.reply.yaml",
    ])
      expect(text).toContain(s);
    for (const c of built.card.criteria) {
      expect(text).toContain(c.title);
      expect(text).toContain(c.reason);
    }
    for (const q of built.view.hearing.questions) expect(text).toContain(q.question);
    expect(html).toContain("DRAFT FOR REPLY");
  });
});

describe("the reply packet's HTML in Spanish", () => {
  it("writes the letter in the scorecard's language, the task force's name and the data as given", () => {
    const theme = readTheme(TEMPLATES_DIR);
    const es = readLanguage("es", rubric, RUBRIC_FILE);
    const built = renderDocument(
      la,
      es.rubric,
      compileTheme(theme),
      { dataFile: "la.yaml", commit: "c", dirty: false, rubricVersion: rubric.version, date: "2026-12-01" },
      { publisher: options.publisher },
      [],
      es.messages,
    );
    const { html } = renderReplyPacket(built, es.rubric, compileReplyPacket(theme), options);
    const text = html
      .replace(/<style[\s\S]*?<\/style>/, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ");
    expect(html).toContain('<html lang="es">');
    for (const s of [
      "De Example Publisher (fictional)",
      "Responder a A. Person, person@example.org",
      "Fecha 1 de diciembre de 2026",
      "Responder a más tardar el 31 de diciembre de 2026",
      "Cómo responder",
      "la.reply.yaml",
      `Su derecho a responder al borrador de la boleta de calificaciones de ${la.name}`,
    ])
      expect(text).toContain(s);
    for (const q of built.view.hearing.questions) expect(text).toContain(q.question);
    expect(html).toContain("BORRADOR PARA RESPONDER");
    // Whole markup: the DRAFT mark closed before the letter, one main.
    expect(html).toMatch(/<div class="draft-mark" aria-hidden="true"><svg[\s\S]*?<\/svg><\/div>\n<main>/);
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html).toContain(`<dd lang="en">${la.name}</dd>`);
    expect(text).not.toMatch(/How to answer|Reply by|right of reply|Questions no source answers|\bpoints\b/);
  });
});

/** Every line indented by two spaces, as the template's instructions say. */
function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");
}
