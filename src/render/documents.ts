// The hearing's two other documents, rendered like the scorecard: the one-page handout and
// the reply packet. Same rules: logic-free templates, data escaped, CSS trusted project text.
import Handlebars from "handlebars";
import { draftMarkSvg } from "./charts.ts";
import { inlineFonts } from "./fonts.ts";
import type { HandoutView } from "./hearing.ts";
import { cssString, marginCss, type Theme } from "./render.ts";
import type { ReplyPacketView } from "./reply-packet.ts";
import { registerWords } from "./words.ts";

function documents(theme: Theme): NonNullable<Theme["documents"]> {
  if (!theme.documents)
    throw new Error("the templates folder has no handout.hbs or reply-packet.hbs (this is a bug in the installed tool)");
  return theme.documents;
}

const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** Compiles the handout template once; the function renders one handout view to HTML. Pure. */
export function compileHandout(theme: Theme): (view: HandoutView) => string {
  const hb = Handlebars.create();
  registerWords(hb);
  const template = hb.compile(documents(theme).handout, { strict: false, noEscape: false, preventIndent: true });
  const css = documents(theme).handoutCss;
  return (view) => {
    // Only the DRAFT line goes in the margin; the provenance is in the body, in large type.
    const margin = view.margins.topRight ? `@page { @top-right { content: ${cssString(view.margins.topRight)}; } }` : "";
    const styles = new hb.SafeString(`<style>${css}\n${margin}</style>`);
    const html = template({ ...view, styles, draftMark: new hb.SafeString(view.draft ? view.draftMark || draftMarkSvg() : "") }, RUNTIME);
    // Only the bundled font pieces that the page's text needs, as for the scorecard.
    return inlineFonts(html, theme.fonts, view.margins.topRight);
  };
}

/** Compiles the reply packet template once, with the scorecard's partials and CSS. Pure. */
export function compileReplyPacket(theme: Theme): (view: ReplyPacketView) => string {
  const hb = Handlebars.create();
  registerWords(hb);
  for (const [name, text] of Object.entries(theme.partials)) hb.registerPartial(name, text);
  const template = hb.compile(documents(theme).replyPacket, { strict: false, noEscape: false, preventIndent: true });
  const css = documents(theme).replyPacketCss;
  return (view) => {
    const styles = new hb.SafeString(`<style>${theme.css}\n${css}\n${marginCss(view.margins)}</style>`);
    const html = template({ ...view, styles, draftMark: new hb.SafeString(view.draftMark || draftMarkSvg()) }, RUNTIME);
    return inlineFonts(html, theme.fonts, Object.values(view.margins).join("\n"));
  };
}
