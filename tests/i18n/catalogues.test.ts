// The message catalogues (messages/<lang>/*.yaml) and the rubric's translated words (rubric/rubric.<lang>.yaml)
// agree with English, and the Spanish LA scorecard says what the English one says, in Spanish.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { formatDate } from "../../src/i18n/message.ts";
import { catalogueFiles, catalogueLanguages, messagesFor } from "../../src/io/messages.ts";
import type { TaskForce } from "../../src/model.ts";
import { score } from "../../src/score/score.ts";
import type { ScoreCard } from "../../src/score/types.ts";
import { readFixture } from "../helpers.ts";
import { LA_FILE, ROOT, RUBRIC_TEXT, rubric, valid } from "../score/helpers.ts";
import {
  argumentsOf,
  catalogueProblems,
  languageOf,
  localeProblem,
  messageProblems,
  missingOther,
  pairProblems,
  rubricWordsProblems,
  type EnglishRubric,
  type Language,
} from "./check.ts";
import { parse } from "@formatjs/icu-messageformat-parser";

const LANGS = catalogueLanguages();
const language = (lang: string): Language => {
  const m = messagesFor(lang);
  return { lang, locale: m.locale, catalogue: m.catalogue };
};
const languages = LANGS.map(language);
const en = language("en");
const others = languages.filter((l) => l.lang !== "en");

describe("message catalogues", () => {
  it("include English and Spanish, and the checks read each file as the tool does", () => {
    expect(LANGS).toEqual(expect.arrayContaining(["en", "es"]));
    for (const lang of LANGS)
      expect(
        languageOf(
          lang,
          catalogueFiles(lang).map((f) => readFileSync(f, "utf8")),
        ),
      ).toEqual(language(lang));
    expect(Object.keys(en.catalogue).length).toBeGreaterThan(150);
  });

  it.each(others.map((l) => [l.lang, l] as const))("%s has every id of English, and no other", (_, l) => {
    expect(Object.keys(l.catalogue).filter((id) => !(id in en.catalogue))).toEqual([]);
    expect(Object.keys(en.catalogue).filter((id) => !(id in l.catalogue))).toEqual([]);
  });

  it.each(others.map((l) => [l.lang, l] as const))(
    "%s uses the same ICU arguments as English in every message, plurals as plurals and selects with the same choices",
    (_, l) => {
      expect(
        Object.keys(en.catalogue)
          .filter((id) => id in l.catalogue)
          .flatMap((id) => pairProblems(en, l, id)),
      ).toEqual([]);
    },
  );

  it.each(languages.map((l) => [l.lang, l] as const))("%s has an 'other' choice in every plural and select", (_, l) => {
    const lacking = Object.entries(l.catalogue).flatMap(([id, text]) =>
      missingOther(parse(text, { ignoreTag: true, requiresOtherClause: false })).map((arg) => `${id} {${arg}}`),
    );
    expect(lacking).toEqual([]);
  });

  it.each(languages.map((l) => [l.lang, l] as const))(
    "%s compiles for its locale, and formats every choice without a stray brace",
    (_, l) => {
      expect(Intl.NumberFormat.supportedLocalesOf([l.locale])).toEqual([l.locale]);
      expect(Object.keys(l.catalogue).flatMap((id) => messageProblems(l, id))).toEqual([]);
    },
  );

  it("all at once: no problem in any catalogue", () => {
    expect(catalogueProblems(languages)).toEqual([]);
  });

  it("Spanish follows the locale es, which writes 21 de agosto de 2018 and 6,86 % (es-US would write 6.86%)", () => {
    const es = messagesFor("es");
    expect(es.locale).toBe("es");
    expect(formatDate("2018-08-21", es.locale)).toBe("21 de agosto de 2018");
    expect(formatDate("2016-11", es.locale)).toBe("noviembre de 2016");
    expect(new Intl.NumberFormat(es.locale, { style: "percent", minimumFractionDigits: 2 }).format(0.0686)).toBe("6,86\u00a0%");
    expect(formatDate("2018-08-21", messagesFor("en").locale)).toBe("21 August 2018");
  });

  it("the checks find every kind of mistake, all at once", () => {
    const ref = languageOf("en", readFixture("i18n", "reference.yaml"));
    const broken = languageOf("es", readFixture("i18n", "broken.yaml"));
    const problems = catalogueProblems([ref, broken]);
    const expected = [
      "es: _meta.locale 'es_US' is not a locale: write a language tag such as es or es-US",
      "es: 'count' has a plural or select on {n} without an 'other' choice",
      "es: 'nested.ok' is not valid ICU MessageFormat",
      "es: 'nested.quoted' prints a brace",
      "es: 'only-here' is missing (it is in en)",
      "es: 'extra' is not in en",
      "es: 'greeting' has the arguments {nombre}, but en has {name}",
      "es: 'count' has no '=0' choice for {n}, which en has",
      "es: 'answer' has no 'no' choice for {v}, which en has",
      "es: 'answer' has a 'maybe' choice for {v}, which en does not have",
      "es: 'share' uses {share} as a plural, but en uses it as a number",
      // The quoted {words} is text, not an argument, so the argument is gone as well.
      "es: 'nested.quoted' has the arguments none, but en has {words}",
    ];
    for (const e of expected)
      expect(
        problems.some((p) => p.startsWith(e)),
        `expected a problem starting "${e}" in:\n${problems.join("\n")}`,
      ).toBe(true);
    expect(problems).toHaveLength(expected.length);
    // The reference itself is clean.
    expect(catalogueProblems([ref])).toEqual([]);
    expect(catalogueProblems([broken])).toEqual(["there is no en catalogue to compare the others with"]);
    expect(localeProblem("xx")).toBe("'xx' is not a locale that Intl knows");
    expect(localeProblem("es")).toBeUndefined();
  });

  it("reads an argument used both as a choice and inside it as one argument", () => {
    const args = argumentsOf(parse("{year, select, none {} other {in {year}, }}{n, plural, =0 {} other {#}}", { ignoreTag: true }));
    expect([...args.entries()].map(([k, v]) => [k, v.kind, [...v.options].sort()])).toEqual([
      ["year", "select", ["none", "other"]],
      ["n", "plural", ["=0", "other"]],
    ]);
  });
});

/** rubric/rubric.yaml as the checks read it; each criterion has its id. */
type Rubric = Omit<EnglishRubric, "criteria"> & { criteria: (Record<string, unknown> & { id: string })[] };
/** A rubric.<lang>.yaml: its criteria's words by criterion id. */
type RubricWords = Record<string, unknown> & { criteria: Record<string, Record<string, unknown>> };

describe("the rubric's words in other languages", () => {
  const english = parseYaml(RUBRIC_TEXT) as Rubric;
  const files = readdirSync(join(ROOT, "rubric")).filter((f) => /^rubric\.[a-z]{2}(-[A-Za-z]+)?\.yaml$/.test(f));

  it("include Spanish", () => {
    expect(files).toContain("rubric.es.yaml");
  });

  it.each(files)("%s names exactly the rubric's criteria and categories, with every text the English has", (file) => {
    const translated = parseYaml(readFileSync(join(ROOT, "rubric", file), "utf8")) as RubricWords;
    expect(rubricWordsProblems(english, translated, `rubric/${file}`)).toEqual([]);
    expect(Object.keys(translated.criteria)).toEqual(english.criteria.map((c) => c.id));
  });

  it("the check finds what is missing, left over, or not words at all", () => {
    const problems = rubricWordsProblems(english, parseYaml(readFixture("i18n", "rubric-words-broken.yaml")), "broken.yaml");
    const expected = [
      `broken.yaml: translates rubric version '1999.1', but rubric/rubric.yaml is version '${english.version}'`,
      "broken.yaml: summary is missing",
      "broken.yaml: categories.representation is missing",
      "broken.yaml: categories.not-a-category is not a category of the rubric",
      "broken.yaml: grading.evidence is missing",
      "broken.yaml: grading.weights is not part of the rubric's words",
      "broken.yaml: criteria.victim-service-co-lead is missing",
      "broken.yaml: criteria.not-a-criterion is not a criterion of the rubric",
      "broken.yaml: criteria.law-enforcement-share.weight is not part of the rubric's words",
      "broken.yaml: criteria.law-enforcement-share.scoring.not_met is missing",
      "broken.yaml: criteria.law-enforcement-share.scoring.unknown is not a status",
    ];
    for (const e of expected)
      expect(
        problems.some((p) => p.startsWith(e)),
        `expected a problem starting "${e}" in:\n${problems.join("\n")}`,
      ).toBe(true);
  });

  it("asks for a recommendation or hearing question wherever the English has one, and for none where it has none", () => {
    const first = english.criteria[0]!.id;
    const withRec = { ...english, criteria: english.criteria.map((c, i) => (i === 0 ? { ...c, recommendation: "Do this." } : c)) };
    const spanish = parseYaml(readFileSync(join(ROOT, "rubric", "rubric.es.yaml"), "utf8")) as RubricWords;
    const without = { ...spanish, criteria: { ...spanish.criteria, [first]: { ...spanish.criteria[first], recommendation: undefined } } };
    expect(rubricWordsProblems(withRec, without, "es")).toContain(`es: criteria.${first}.recommendation is missing (rubric.yaml has one)`);
    // Once the English has hearing questions, a Spanish one the English lacks is flagged.
    const withQuestion = { ...english, criteria: english.criteria.map((c, i) => (i === 1 ? { ...c, hearing_question: "Will it?" } : c)) };
    const extra = { ...spanish, criteria: { ...spanish.criteria, [first]: { ...spanish.criteria[first], hearing_question: "¿Sí?" } } };
    expect(rubricWordsProblems(withQuestion, extra, "es")).toContain(`es: criteria.${first}.hearing_question is not in rubric.yaml`);
  });
});

describe("the Los Angeles scorecard in Spanish", () => {
  const la = valid(LA_FILE, readFileSync(LA_FILE, "utf8"));
  // Scored in beforeAll, so that a broken catalogue fails these tests rather than the whole file.
  let card: ScoreCard;
  let english: ScoreCard;
  let everything = "";
  beforeAll(() => {
    const r = rubric();
    card = score(la, r, messagesFor("es"));
    english = score(la, r, messagesFor("en"));
    everything = card.criteria.flatMap((c) => [c.reason, ...c.facts.flatMap((f) => [f.label, f.value])]).join("\n");
  });
  const byId = (id: string) => card.criteria.find((c) => c.id === id)!;

  /** Every text the data file gives (names, quotes, places, publishers), longest first: printed as written, so not English to translate. */
  const dataStrings = (() => {
    const out = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v === "string") {
        // Enum words (unknown, op-ed, law-enforcement) are not printed as written: keep them, so a leak shows.
        if (!/^[a-z0-9-]+$/.test(v)) out.add(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(la satisfies TaskForce);
    return [...out].sort((a, b) => b.length - a.length);
  })();
  const withoutData = (text: string) => dataStrings.reduce((t, s) => t.split(s).join(" … "), text);
  const ENGLISH =
    /\b(the|of|and|or|in|on|to|by|with|for|from|is|are|was|were|has|have|not|none|whether|which|that|source|sources|according|unknown|reported|inferred|year|operations?|arrests?|members?|share|between|named|listed|counted|charges|buyers|stated|rule|police|victims?|services|trafficking|task|force|op-ed|news|report|date)\b/gi;

  it("scores exactly as in English: the language changes the words, never the findings", () => {
    expect(card.criteria.map((c) => [c.id, c.status, c.points, c.finding])).toEqual(
      english.criteria.map((c) => [c.id, c.status, c.points, c.finding]),
    );
    expect([card.grade, card.percent, card.coverage]).toEqual([english.grade, english.percent, english.coverage]);
  });

  it("leaves no English in any reason or fact, apart from the data file's own words", () => {
    const leaks = card.criteria
      .flatMap((c) => [c.reason, ...c.facts.flatMap((f) => [f.label, f.value])])
      .flatMap((t) => (withoutData(t).match(ENGLISH) ?? []).map((w) => `${w} in: ${t}`));
    expect(leaks).toEqual([]);
    // The check can fail: the same reasons in English are full of it.
    expect(withoutData(english.criteria.map((c) => c.reason).join("\n")).match(ENGLISH)?.length).toBeGreaterThan(20);
  });

  it("gives the sting's date, its 33 arrests for prostitution and solicitation charges, and attributes them to the op-ed", () => {
    const stings = byId("no-sex-trade-stings").reason;
    expect(stings).toMatch(/^Según un artículo de opinión de Kate D'Adamo \(Medium, 2018, año deducido\): /);
    expect(stings).toContain(
      "el operativo de Lynwood y Compton (21 de agosto de 2018, año deducido), un operativo encubierto contra el comercio sexual",
    );
    expect(stings).toContain("33 arrestos por cargos de prostitución y solicitación");
    expect(everything).toContain("21 de agosto de 2018");
  });

  it("keeps the sources' categories and figures: trafficking-related, none reported, the 2016 count of 18 and 10", () => {
    const share = byId("trafficking-arrest-share");
    expect(share.reason).toMatch(/^Según una noticia \(scvnews\.com, 2016\): /);
    expect(share.reason).toContain("132 de 354 arrestos fueron por delitos que la fuente llama “relacionados con la trata” (37\u00a0%)");
    expect(share.facts.map((f) => f.value).join("\n")).toContain("por trata: no se reporta");
    const members = byId("law-enforcement-share")
      .facts.map((f) => f.value)
      .join("\n");
    expect(members).toContain("18 governmental partners y 10 community based organizations");
    expect(members).toContain("entre el 0\u00a0% y el 64\u00a0% de los 28 contados o nombrados");
    expect(everything).not.toMatch(/por trata: 0\b|\b0 arrestos por trata/);
  });

  it("prints names as the data file gives them, untranslated", () => {
    expect(byId("victim-service-co-lead").reason).toContain("(United States Attorney's Office y Los Angeles County Sheriff's Department)");
    expect(byId("victim-service-co-lead").facts.map((f) => f.value)).toContain(
      "Los Angeles County Sheriff's Department (policía, sheriff o libertad condicional)",
    );
    expect(byId("buyer-stings-tied-to-victims").reason).toContain(
      `En ${la.operations[1]!.name} (${la.operations[1]!.period}) hubo 104 arrestos de compradores de sexo`,
    );
  });

  it("says unknown as unknown, never as no", () => {
    expect(
      byId("affected-community-seats")
        .facts.slice(0, 3)
        .map((f) => f.value),
    ).toEqual(["se desconoce", "se desconoce", "se desconoce"]);
    expect(byId("victim-service-co-lead").status).toBe("unknown");
    expect(byId("victim-service-co-lead").reason).toContain(
      "ninguna fuente dice si alguna organización de servicios para víctimas tiene voto",
    );
    expect(byId("right-of-reply").reason).toBe(
      "Todavía no se ha enviado al grupo de trabajo el borrador de la boleta de calificaciones para que responda.",
    );
  });
});
