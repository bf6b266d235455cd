import Handlebars from "handlebars";
import { inlineFonts, type Fonts } from "./fonts.ts";
import type { buildView } from "./view.ts";
import { registerWords } from "./words.ts";

/** The trusted inputs of the renderer: templates, CSS and fonts, read by the caller. */
export interface Theme {
  template: string;
  partials: Record<string, string>;
  css: string;
  /** The bundled fonts; each page inlines the pieces its text needs. */
  fonts: Fonts;
  /** The hearing handout and the reply packet: templates/handout.hbs, reply-packet.hbs and their CSS. */
  documents?: { handout: string; handoutCss: string; replyPacket: string; replyPacketCss: string };
}

export type View = ReturnType<typeof buildView>;

/**
 * Escapes text for a double-quoted CSS string. Everything but plain letters, digits and a
 * few safe marks becomes a hex escape, so no quote, backslash, newline or `</style>` in the
 * data can end the string or the style sheet.
 */
export function cssString(text: string): string {
  let out = "";
  for (const ch of text) {
    out += /^[A-Za-z0-9 .,:;()+·_/-]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, "0")}`;
  }
  return `"${out}"`;
}

/** The per-document text in the page margins: name, DRAFT, provenance, page numbers. */
export function marginCss(margins: View["margins"]): string {
  return [
    "@page {",
    `  @top-left { content: ${cssString(margins.top)}; }`,
    margins.topRight ? `  @top-right { content: ${cssString(margins.topRight)}; }` : "",
    `  @bottom-left { content: ${cssString(margins.provenance)}; }`,
    `  @bottom-right { content: ${pageOf(margins.pageOf)}; }`,
    "}",
  ]
    .filter(Boolean)
    .join("\n");
}

/** "Page 3 of 6" in the page's words: the text around the counters is escaped like all margin text. */
function pageOf(parts: readonly [string, string, string] | undefined): string {
  const [before, middle, after] = parts ?? ["Page ", " of ", ""];
  return [
    before ? cssString(before) : "",
    "counter(page)",
    middle ? cssString(middle) : "",
    "counter(pages)",
    after ? cssString(after) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Compiles the theme once; the returned function renders a view to a full HTML document. Pure. */
export function compileTheme(theme: Theme): (view: View) => string {
  const hb = Handlebars.create();
  registerWords(hb);
  for (const [name, text] of Object.entries(theme.partials)) hb.registerPartial(name, text);
  // preventIndent: a partial on a line of its own must not indent the lines of verbatim text inside it.
  const template = hb.compile(theme.template, { strict: false, noEscape: false, preventIndent: true });
  return (view) => {
    // CSS is trusted project text; the margin text is data, escaped for CSS by cssString.
    const styles = new hb.SafeString(`<style>${theme.css}\n${marginCss(view.margins)}</style>`);
    // Charts and the DRAFT mark are SVG built in code, which escapes every piece of data in them.
    const charts = {
      membership: new hb.SafeString(view.charts.membership),
      arrests: view.charts.arrests.map((svg) => new hb.SafeString(svg)),
    };
    const draftMark = new hb.SafeString(view.draftMark);
    const editions = { ...view.editions, chart: new hb.SafeString(view.editions.chart) };
    const html = template(
      { ...view, styles, charts, draftMark, editions },
      { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
    );
    return inlineFonts(
      html,
      theme.fonts,
      [view.margins.top, view.margins.topRight, view.margins.provenance, ...view.margins.pageOf].join("\n"),
    );
  };
}
