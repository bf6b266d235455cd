// What the scorecard, its web page and the handout show for a hearing, checked on the
// rendered HTML (the PDF tests check the printed pages).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEMPLATES_DIR } from "../../src/cli/context.ts";
import { readTheme } from "../../src/io/theme.ts";
import { renderDocument, renderHandout } from "../../src/pipeline.ts";
import { compileHandout } from "../../src/render/documents.ts";
import { clipText, gainOf, HANDOUT_LEVELS, handoutView, hearingView, shortCite, weightiestFacts } from "../../src/render/hearing.ts";
import { compileTheme } from "../../src/render/render.ts";
import type { TaskForce } from "../../src/model.ts";
import { fixture } from "../helpers.ts";
import { readLanguage } from "../../src/io/languages.ts";
import { RUBRIC_FILE } from "../../src/cli/context.ts";
import { checkText, laWith, LA_TEXT, oneReply, rubric } from "./helpers.ts";

const theme = readTheme(TEMPLATES_DIR);
const renderHtml = compileTheme(theme);
const provenance = {
  dataFile: "scorecards/la.yaml",
  commit: "0123456789ab",
  dirty: false,
  rubricVersion: rubric.version,
  date: "2027-01-15",
};
const tf = (text: string): TaskForce => {
  const v = checkText(text);
  if (!v.taskForce) throw new Error(v.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n"));
  return v.taskForce;
};
const build = (t: TaskForce) => renderDocument(t, rubric, renderHtml, provenance, { publisher: "Example Publisher (fictional)" });
/** The Spanish words: the catalogue and the rubric's words in Spanish, as the build reads them. */
const es = readLanguage("es", rubric, RUBRIC_FILE);
const buildEs = (t: TaskForce) =>
  renderDocument(t, es.rubric, renderHtml, provenance, { publisher: "Example Publisher (fictional)" }, [], es.messages);
const esById = new Map(es.rubric.criteria.map((c) => [c.id, c]));
/** Text as a reader sees it: tags dropped, entities decoded, white space squashed (none before a comma or full stop). */
const visible = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .replace(/ ([,.])(?=\s)/g, "$1");
const byId = new Map(rubric.criteria.map((c) => [c.id, c]));

describe("recommendations and questions on the scorecard", () => {
  const la = build(tf(LA_TEXT));
  const text = visible(la.html);

  it("shows the recommendation of every criterion LA does not meet or only partly meets, and no other", () => {
    const open = la.card.criteria.filter((c) => c.status === "not-met" || c.status === "partly-met");
    expect(open.length).toBeGreaterThanOrEqual(1);
    for (const c of open) expect(text, c.id).toContain(byId.get(c.id)!.recommendation.replace(/\s+/g, " "));
    for (const c of la.card.criteria.filter((c) => c.status === "met" || c.status === "unknown"))
      expect(text, c.id).not.toContain(byId.get(c.id)!.recommendation.replace(/\s+/g, " "));
  });

  it("orders the recommendations by the points they would gain, most first", () => {
    const gains = la.view.hearing.recommendations.map((r) => r.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    for (const r of la.view.hearing.recommendations) expect(r.gain).toBe(gainOf(la.card.criteria.find((c) => c.id === r.id)!));
    // Partly met gains only what it has not earned yet.
    const partly = la.card.criteria.find((c) => c.status === "partly-met");
    if (partly) expect(la.view.hearing.recommendations.find((r) => r.id === partly.id)!.gain).toBe(partly.weight - partly.points);
    const positions = la.view.hearing.recommendations.map((r) => text.indexOf(r.recommendation.replace(/\s+/g, " ")));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("asks the hearing question of every unknown criterion, the heaviest first", () => {
    const unknown = la.card.criteria.filter((c) => c.status === "unknown");
    expect(la.view.hearing.questions.map((q) => q.id).sort()).toEqual(unknown.map((c) => c.id).sort());
    const weights = la.view.hearing.questions.map((q) => q.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const c of unknown) expect(text).toContain(byId.get(c.id)!.hearing_question ?? byId.get(c.id)!.question);
  });

  it("says on page 1 that the task force has not yet been asked to reply", () => {
    const pageOne = visible(la.html.slice(la.html.indexOf('class="page-one"'), la.html.indexOf('class="hearing"')));
    expect(pageOne).toContain("The task force has not yet been sent this draft for its reply.");
  });
});

describe("the task force's replies on the scorecard", () => {
  it("prints a reply beside the criterion it answers, marked as the task force's, in its own words", () => {
    const words = "We have since added a survivor-led group to the task force.";
    const built = build(tf(laWith(oneReply("affected-community-seats", words), { letter: true })));
    const article = built.html
      .split('<article class="criterion">')
      .slice(1)
      .find((a) => a.includes("Survivors and affected communities have a vote"))!;
    expect(visible(article)).toContain(
      `The task force's reply, in its own words: Office of the task force coordinator (made up for a test), 10 December 2026. It partly agrees with the draft.`,
    );
    expect(visible(article)).toContain(words);
    // Only there: not beside another criterion.
    expect(built.html.split(words).length - 1).toBe(1);
    // Page 1 says that it replied, and when.
    const pageOne = visible(built.html.slice(built.html.indexOf('class="page-one"'), built.html.indexOf('class="hearing"')));
    expect(pageOne).toContain("The task force replied to the draft on 10 December 2026.");
    // A reply changes no fact by itself: the criterion it answers is scored as before.
    const before = build(tf(LA_TEXT)).card.criteria.find((c) => c.id === "affected-community-seats")!;
    const after = built.card.criteria.find((c) => c.id === "affected-community-seats")!;
    expect({ status: after.status, reason: after.reason }).toEqual({ status: before.status, reason: before.reason });
    // The right of reply itself is met.
    expect(built.card.criteria.find((c) => c.id === "right-of-reply")!.status).toBe("met");
  });

  it("prints general replies in their own section, escaped, with line breaks kept", () => {
    const words = 'First line <script>alert("x")</script>\nSecond line & more';
    const built = build(tf(laWith(oneReply("general", words), { letter: true })));
    expect(built.html).not.toContain("<script>alert");
    expect(built.html).toContain("First line &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\nSecond line &amp; more");
    const section = built.html.slice(built.html.indexOf('class="hearing"'), built.html.indexOf('class="details"'));
    expect(visible(section)).toContain("The task force's reply");
    expect(visible(section)).toContain("about the scorecard as a whole, in its own words");
  });

  it("says when the draft was sent and when a reply is due, or that none came by the deadline", () => {
    const sent = tf(laWith("  status: sent-for-reply\n  last_reviewed: 2026-11-29\n  requested: 2026-12-20\n"));
    expect(build(sent).view.hearing.replyLine).toBe(
      "The draft was sent to the task force for its reply on 20 December 2026. Its reply is due by 19 January 2027.",
    );
    const silent = tf(laWith("  status: no-reply\n  last_reviewed: 2026-11-29\n  requested: 2026-12-01\n"));
    expect(build(silent).view.hearing.replyLine).toBe(
      "The draft was sent to the task force for its reply on 1 December 2026. It gave no reply by the deadline, 31 December 2026.",
    );
    expect(build(silent).card.criteria.find((c) => c.id === "right-of-reply")).toMatchObject({ status: "not-met" });
  });
});

describe("the handout's content", () => {
  const la = build(tf(LA_TEXT));
  const facts = weightiestFacts(la.taskForce, la.card);

  it("takes the three facts that weigh most, with short citations of their sources", () => {
    const known = la.card.criteria
      .filter((c) => c.status !== "unknown")
      .map((c) => c.weight)
      .sort((a, b) => b - a);
    expect(facts).toHaveLength(Math.min(3, known.length));
    expect(facts.map((f) => la.card.criteria.find((c) => c.id === f.id)!.weight)).toEqual(known.slice(0, 3));
    expect(facts.flatMap((f) => f.sources.map((s) => shortCite(s)))).toContain("op-ed by Kate D'Adamo, Medium, 2018");
  });

  it("holds the name, grade, score, coverage, three recommendations and three questions, and says where to read more", () => {
    const html = renderHandout(la, compileHandout(theme), { pdfName: "la.pdf" })[0]!;
    const text = visible(html);
    expect(text).toContain(la.taskForce.name);
    expect(text).toMatch(new RegExp(`Grade ${la.card.grade}\\b`));
    // While the grade is Incomplete, no percentage is printed, as on the scorecard's page 1.
    if (la.card.grade === "Incomplete") {
      expect(text).toContain(`Points so far ${la.card.points} of ${la.card.scoredMaxPoints}`);
      expect(text).not.toContain(`${la.card.percent}%`);
    } else expect(text).toContain(`Score ${la.card.percent}%`);
    expect(text).toContain(`Coverage ${Math.round(la.card.coverage * 100)}%`);
    for (const r of la.view.hearing.recommendations.slice(0, 3)) expect(text).toContain(r.title);
    // Fewer than three criteria not met: the heaviest unknowns follow, marked as such, and are not asked twice.
    const shown = handoutView(la.view, facts, { pdfName: "la.pdf" }, 0);
    expect(shown.recommendations).toHaveLength(3);
    const open = la.view.hearing.recommendations.length;
    expect(shown.recommendations.slice(0, open).every((r) => !r.unknown)).toBe(true);
    for (const r of shown.recommendations.slice(open)) {
      expect(r.unknown).toBe(true);
      expect(r.gainText).toContain("no source says whether it does this");
      expect(shown.questions.map((q) => q.id)).not.toContain(r.id);
    }
    for (const q of handoutView(la.view, facts, { pdfName: "la.pdf" }, 0).questions) expect(text).toContain(q.question);
    expect(text).toContain("is the file la.pdf");
    expect(text).toContain("Data: scorecards/la.yaml · commit 0123456789ab");
    expect(text).toContain("Draft, not final");
    const withSite = visible(renderHandout(la, compileHandout(theme), { pdfName: "la.pdf", siteUrl: "https://example.org/cards" })[0]!);
    expect(withSite).toContain("at https://example.org/cards (la.pdf)");
  });

  it("cuts long text shorter at each level of fit, never below 12 pt", () => {
    const long = { ...la.view, name: `Example ${"Very ".repeat(300)}Long Task Force (fictional)` };
    const names = HANDOUT_LEVELS.map((_, i) => handoutView(long, facts, { pdfName: "x.pdf" }, i).name.length);
    expect(names).toEqual([...names].sort((a, b) => b - a));
    expect(names[names.length - 1]).toBeLessThanOrEqual(70);
    expect(handoutView(long, facts, { pdfName: "x.pdf" }, 4).name.endsWith("…")).toBe(true);
    const css = readFileSync(`${TEMPLATES_DIR}/handout.css`, "utf8");
    for (const m of css.matchAll(/font-size:\s*([\d.]+)pt/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
  });
});

describe("the hearing in Spanish", () => {
  const la = buildEs(tf(LA_TEXT));
  const text = visible(la.html);
  /** Words of the English catalogue and templates that must not be left on a Spanish page. */
  const ENGLISH =
    /would gain|What the task force should do|The task force's reply|in its own words|agrees with the draft|Hearing handout|What to ask|Questions no source answers|The facts that weigh most|Points so far|Coverage|the full scorecard|\bpoints?\b|Earlier editions/;

  it("recommends in Spanish, the most points first, with the rubric's Spanish words", () => {
    expect(text).toContain("Lo que el grupo de trabajo debería hacer");
    for (const r of la.view.hearing.recommendations) {
      expect(text).toContain(esById.get(r.id)!.recommendation.replace(/\s+/g, " "));
      expect(r.gainText).toMatch(/^ganaría [\d,]+ puntos?$/);
    }
    expect(la.view.hearing.recommendations.map((r) => r.id)).toEqual(build(tf(LA_TEXT)).view.hearing.recommendations.map((r) => r.id));
    for (const q of la.view.hearing.questions) expect(q.question).toBe(esById.get(q.id)!.hearing_question ?? esById.get(q.id)!.question);
    expect(text).toContain("Todavía no se le ha enviado este borrador al grupo de trabajo para que responda.");
    const section = la.html.slice(la.html.indexOf('class="hearing"'), la.html.indexOf('class="details"'));
    expect(visible(section)).not.toMatch(ENGLISH);
  });

  it("prints a reply in Spanish words around the task force's own words, dated per locale, marked with their language", () => {
    const words = "We have since added a survivor-led group to the task force.";
    const built = buildEs(tf(laWith(oneReply("affected-community-seats", words), { letter: true })));
    const title = esById.get("affected-community-seats")!.title;
    const article = built.html
      .split('<article class="criterion">')
      .slice(1)
      .find((a) => a.includes(title))!;
    expect(visible(article)).toContain(
      "Respuesta del grupo de trabajo, en sus propias palabras: Office of the task force coordinator (made up for a test), 10 de diciembre de 2026. Está de acuerdo en parte con el borrador.",
    );
    // The reply is the task force's words, never translated, and marked as English on the Spanish page.
    expect(article).toContain(`<blockquote class="reply-text" lang="en">${words}</blockquote>`);
    expect(article).toContain('<span lang="en">Office of the task force coordinator (made up for a test)</span>');
    expect(built.view.hearing.replyLine).toBe(
      "El grupo de trabajo respondió al borrador el 10 de diciembre de 2026. Sus respuestas se imprimen, en sus propias palabras, junto a los criterios que responden.",
    );
    const general = buildEs(tf(laWith(oneReply("general", words), { letter: true })));
    expect(visible(general.html)).toContain(
      "Respuesta del grupo de trabajo, sobre la boleta de calificaciones en su conjunto, en sus propias palabras",
    );
    const sent = buildEs(tf(laWith("  status: sent-for-reply\n  last_reviewed: 2026-11-29\n  requested: 2026-12-20\n")));
    expect(sent.view.hearing.replyLine).toBe(
      "El borrador se le envió al grupo de trabajo el 20 de diciembre de 2026 para que responda. Tiene hasta el 19 de enero de 2027 para responder.",
    );
    const silent = buildEs(tf(laWith("  status: no-reply\n  last_reviewed: 2026-11-29\n  requested: 2026-12-01\n")));
    expect(silent.view.hearing.replyLine).toBe(
      "El borrador se le envió al grupo de trabajo el 1 de diciembre de 2026 para que responda. No respondió dentro del plazo, que venció el 31 de diciembre de 2026.",
    );
  });

  it("makes the handout in Spanish: its words, the figures per locale, the sources cited in Spanish, and lang=es", () => {
    const facts = weightiestFacts(la.taskForce, la.card);
    const html = renderHandout(la, compileHandout(theme), { pdfName: "la.es.pdf" })[0]!;
    const handout = visible(html);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain(`<h1 lang="en">${la.taskForce.name}</h1>`);
    expect(handout).toContain("Hoja informativa para la audiencia · Borrador, no es la versión final");
    const n = (x: number) => new Intl.NumberFormat("es").format(x);
    if (la.card.grade === "Incomplete") {
      expect(handout).toContain("Incompleta");
      expect(handout).toContain(`Lleva ${n(la.card.points)} de ${n(la.card.scoredMaxPoints)} puntos`);
      expect(handout).toContain("Para calificar, hacen falta datos de más partes de la rúbrica.");
    } else expect(handout).toContain(`Puntaje ${n(la.card.percent)} %`);
    // A space before the percent sign, as Spanish writes it (a no-break space, squashed by visible()).
    expect(handout).toContain(`Cobertura de datos ${Math.round(la.card.coverage * 100)} %`);
    expect(html).toContain(`<strong>${Math.round(la.card.coverage * 100)}\u00a0%</strong>`);
    for (const h of ["Los hechos que más pesan", "Lo que hay que pedirle al grupo de trabajo", "Preguntas que ninguna fuente responde"])
      expect(handout).toContain(h);
    for (const f of facts)
      expect(handout).toContain(
        `${esById.get(f.id)!.title}: ${{ met: "Cumple", "partly-met": "Cumple en parte", "not-met": "No cumple", unknown: "Se desconoce" }[f.status]}.`,
      );
    expect(handout).toContain("artículo de opinión de Kate D'Adamo, Medium, 2018");
    expect(handout).toMatch(/vale \d+ puntos; ninguna fuente dice si lo hace/);
    expect(handout).toContain("La boleta de calificaciones completa, con la fuente de cada hecho, es el archivo la.es.pdf.");
    expect(handout).toContain("Datos: scorecards/la.yaml · commit 0123456789ab · rúbrica");
    expect(handout).toContain("15 de enero de 2027");
    expect(handout).not.toMatch(ENGLISH);
    // The DRAFT mark in the page's word, and the PDF's title in Spanish.
    expect(html).toContain(la.view.draftMark);
    expect(handoutView(la.view, facts, { pdfName: "la.es.pdf" }, 0).info.title).toBe(
      `${la.taskForce.name}: hoja informativa para la audiencia (borrador)`,
    );
  });

  it("cites a source by kind, author, publisher and date in Spanish", () => {
    const s = { id: "a", title: "t", publisher: "Example Gazette", date: "2024-02-01", type: "news" as const };
    expect(shortCite(s, es.messages)).toBe("noticia, Example Gazette, 1 de febrero de 2024");
    expect(shortCite({ ...s, type: "op-ed", author: "A. Writer", date: "2018" }, es.messages)).toBe(
      "artículo de opinión de A. Writer, Example Gazette, 2018",
    );
    expect(shortCite({ ...s, type: "task-force-reply", date: "unknown" }, es.messages)).toBe(
      "la respuesta del grupo de trabajo, Example Gazette, sin fecha",
    );
  });

  it("cuts Spanish at a whole sentence too, including one that asks with ¿", () => {
    expect(clipText("¿Codirige una organización? Y si no, ¿habrá una que lo haga pronto y con voto?", 40)).toBe(
      "¿Codirige una organización?",
    );
    expect(clipText("Primera frase aquí. Él dijo otra cosa mucho más larga que el espacio.", 30)).toBe("Primera frase aquí.");
  });
});

describe("clipText and shortCite", () => {
  it("keeps short text, keeps a whole first sentence, else cuts at a word with an ellipsis", () => {
    expect(clipText("  Short   text. ", 40)).toBe("Short text.");
    expect(clipText("First sentence here. Second sentence is much longer than the room.", 40)).toBe("First sentence here.");
    expect(clipText("one two three four five six seven eight nine ten", 20)).toBe("one two three four…");
    expect(clipText("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("names a source by kind, author, publisher and date", () => {
    const s = { id: "a", title: "t", publisher: "Example Gazette", date: "2024-02-01", type: "news" as const };
    expect(shortCite(s)).toBe("news report, Example Gazette, 1 February 2024");
    expect(shortCite({ ...s, type: "op-ed", author: "A. Writer", date: "2018" })).toBe("op-ed by A. Writer, Example Gazette, 2018");
    expect(shortCite({ ...s, type: "task-force-reply", date: "unknown" })).toBe("the task force's reply, Example Gazette, undated");
  });
});

describe("hearingView on a scorecard with nothing to ask", () => {
  it("has no recommendations for met criteria, and no section when nothing is open", () => {
    const example = tf(readFileSync(fixture("valid", "example-county.yaml"), "utf8"));
    const built = build(example);
    const met = built.card.criteria.filter((c) => c.status === "met").map((c) => c.id);
    for (const r of hearingView(example, built.card, rubric, () => "", "2027-01-01").recommendations) expect(met).not.toContain(r.id);
  });
});
