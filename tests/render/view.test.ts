import { describe, expect, it } from "vitest";
import { barChart, draftMarkSvg, escapeXml } from "../../src/render/charts.ts";
import { cssString, marginCss } from "../../src/render/render.ts";
import { buildView, safeUrl, unknownFields } from "../../src/render/view.ts";
import { score } from "../../src/score/score.ts";
import { fixture } from "../helpers.ts";
import { LA_FILE, loadTaskForce, provenance, render, rubric } from "../pdf/setup.ts";

const example = () => loadTaskForce(fixture("valid", "example-county.yaml"));
const view = (tf = example()) => buildView(tf, score(tf, rubric), provenance, rubric, "Example Publisher");

describe("buildView", () => {
  it("shows an unknown number as 'unknown', never as 0", () => {
    const tf = loadTaskForce(LA_FILE);
    const v = view(tf);
    const firstYear = v.operations.find((o) => o.name === "First year of the task force")!;
    expect(firstYear.officers).toBe("unknown");
    expect(firstYear.referred).toBe("unknown");
    expect(v.representation.rows.find((r) => r.label.startsWith("Seats for survivor"))).toMatchObject({ value: "unknown", unknown: true });
    // None reported is never 0, and an approximation keeps the source's words.
    const sting = v.operations.find((o) => o.name === "Lynwood and Compton sting")!;
    expect(sting.trafficking).toBe("none reported");
    expect(sting.officers).toBe("roughly 70");
    // A real zero stays a zero.
    const ex = view(example());
    expect(ex.representation.rows.find((r) => r.label.startsWith("Seats for groups from the targeted"))).toMatchObject({
      value: "0",
      unknown: false,
    });
  });

  it("picks key facts from the latest operation with numbers, with their sources", () => {
    const v = view(loadTaskForce(LA_FILE));
    // Nine named in a list that may be incomplete: never "9 of 9".
    expect(v.keyFacts.membership).toMatchObject({ value: "9" });
    expect(v.keyFacts.membership?.label).toContain("no source says the list is complete");
    expect(v.keyFacts.counts[0]?.text).toBe("18 governmental partners, 10 community based organizations");
    expect(v.keyFacts.operation?.caption).toBe("Lynwood and Compton sting, 21 August 2018 (year inferred)");
    expect(v.keyFacts.operation?.facts.map((f) => f.value)).toEqual(["roughly 70", "33", "none reported", "10"]);
    expect(v.keyFacts.operation?.whose).toBe("an op-ed by Kate D'Adamo (Medium, 2018, year inferred)");
    expect(v.keyFacts.operation?.refs).toBe("[1]");
  });

  it("lists the unknown criteria with their weights and how far the grade could move", () => {
    const tf = loadTaskForce(LA_FILE);
    const card = score(tf, rubric);
    const v = buildView(tf, card, provenance, rubric);
    const unknown = card.criteria.filter((c) => c.status === "unknown");
    expect(v.unknowns.criteria).toEqual(unknown.map((c) => ({ title: c.title, weight: c.weight })));
    expect(v.unknowns.weight).toBe(unknown.reduce((s, c) => s + c.weight, 0));
    expect(v.unknowns.bestPercent).toBeGreaterThanOrEqual(v.unknowns.worstPercent);
  });

  it("names the unknown fields an advocate could look up", () => {
    const fields = unknownFields(loadTaskForce(LA_FILE));
    expect(fields).toContain("Membership: seats for survivor-led groups");
    expect(fields).toContain("Membership: the role of 9 of 9 named members");
    expect(fields.some((f) => f.startsWith("First year of the task force:") && f.includes("officers deployed"))).toBe(true);
    expect(fields).toContain("Policy: condoms are not used as evidence");
    // No source states a rule for LA: what the 2018 operation did is not a policy.
    expect(fields).toContain("Policy: people who sell sex are not arrested");
  });

  it("marks drafts and fictional files, and takes the Author from the config", () => {
    const published = view();
    expect(published.draft).toBe(false);
    expect(published.fictional).toBe(true);
    expect(published.margins.top).toContain("FICTIONAL EXAMPLE");
    expect(published.margins.topRight).toBe("");
    expect(published.info.author).toBe("Example Publisher");
    const la = view(loadTaskForce(LA_FILE));
    expect(la.draft).toBe(true);
    expect(la.margins.topRight).toContain("DRAFT");
    expect(la.draftMark).toContain("<svg");
  });

  it("falls back to the rubric's publisher when no config names one", () => {
    const tf = example();
    expect(buildView(tf, score(tf, rubric), provenance, rubric).info.author).toBe(rubric.publisher);
  });

  it("says in the provenance line when the tree had uncommitted changes", () => {
    expect(view().margins.provenance).toBe(
      `Data: scorecards/example.yaml · commit 0123456789ab + uncommitted changes · rubric ${rubric.version} · 2 January 2030`,
    );
    const tf = example();
    const clean = buildView(tf, score(tf, rubric), { ...provenance, dirty: false }, rubric);
    expect(clean.margins.provenance).not.toContain("uncommitted");
  });

  it("lists each piece of guidance once in the methodology", () => {
    const m = view().methodology!;
    expect(m.criteria).toHaveLength(rubric.criteria.length);
    const keys = m.guidance.map((g) => `${g.publisher}|${g.title}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(m.criteria.every((c) => /^G\d+/.test(c.cites) || c.cites === "")).toBe(true);
  });
});

describe("safeUrl", () => {
  it("keeps only http(s) addresses", () => {
    expect(safeUrl("https://example.org/a")).toBe("https://example.org/a");
    expect(safeUrl("HTTP://example.org")).toBe("HTTP://example.org");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "file:///etc/passwd",
      "data:text/html,<b>",
      "//example.org",
      " https://example.org",
      'https://example.org/"onmouseover=x',
      "vbscript:x",
    ]) {
      expect(safeUrl(bad)).toBeUndefined();
    }
  });
});

describe("cssString and the margin boxes", () => {
  it("turns anything that could end the string or the style sheet into hex escapes", () => {
    const hostile = `"; } body { display: none } @page { @top-left { content: "x"; } } </style><script>alert(1)</script>\\ \n`;
    const out = cssString(hostile);
    expect(out).toMatch(/^"[A-Za-z0-9 .,:;()+·_/\\-]*"$/);
    expect(out.slice(1, -1)).not.toMatch(/["{}<>\n]/);
    expect(out).toContain("\\000022");
  });

  it("keeps plain words readable", () => {
    expect(cssString("Page 1 · rubric 2026.1")).toBe(`"Page 1 · rubric 2026.1"`);
  });

  it("puts page numbers and the provenance line in the page margins", () => {
    const css = marginCss(view().margins);
    expect(css).toContain(`@bottom-right { content: "Page " counter(page) " of " counter(pages); }`);
    expect(css).toMatch(/@bottom-left \{ content: "Data: scorecards\/example\.yaml/);
  });
});

describe("charts", () => {
  it("draws no bar for an unknown value and labels it 'unknown'", () => {
    const svg = barChart(
      [
        {
          title: "T",
          bars: [
            { label: "Known", value: 5, fill: "solid" },
            { label: "Not known", value: "unknown", fill: "hatch" },
            { label: "Zero", value: 0, fill: "dots" },
          ],
        },
      ],
      { idPrefix: "t", label: "test", scale: "shared" },
    );
    expect(svg).toContain(">unknown</text>");
    expect(svg).toContain("stroke-dasharray");
    expect(svg.match(/<rect x="150" y="[\d.]+" width="150\.0"/g)).toHaveLength(1);
    expect(svg).toContain(">0</text>");
  });

  it("escapes every label", () => {
    const svg = barChart([{ title: "<script>", bars: [{ label: `"><img src=x>`, value: 1, fill: "solid" }] }], {
      idPrefix: "t",
      label: 'a"b',
      scale: "shared",
    });
    expect(svg).not.toMatch(/<script|<img/);
    expect(escapeXml(`<&>"'`)).toBe("&#60;&#38;&#62;&#34;&#39;");
  });

  it("draws the DRAFT mark as outlines with no text and no transform", () => {
    const svg = draftMarkSvg();
    expect(svg).not.toMatch(/<text|transform=/);
    expect(svg.match(/<path /g)).toHaveLength(5);
  });
});

describe("the HTML scorecard", () => {
  it("is one document with every section, usable on a phone", () => {
    const { html } = render(loadTaskForce(LA_FILE));
    expect(html).toContain(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
    for (const h of [
      "Key facts",
      "Who is named as a member",
      "The criteria",
      "Each criterion in detail",
      "Operations",
      "Membership",
      "Policies",
      "What we don't know",
      "How the grade is worked out",
      "Sources",
    ]) {
      expect(html).toContain(`<h2>${h}</h2>`);
    }
    expect(html).toContain(`class="provenance"`);
  });
});
