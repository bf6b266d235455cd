import Handlebars from "handlebars";
import type { buildView } from "./view.ts";

/** The trusted inputs of the renderer: templates, CSS and fonts, read by the caller. */
export interface Theme {
  template: string;
  partials: Record<string, string>;
  css: string;
  /** @font-face rules with fonts inlined as data: URIs. */
  fontCss: string;
}

export type View = ReturnType<typeof buildView>;

/** Compiles the theme once; the returned function renders a view to a full HTML document. Pure. */
export function compileTheme(theme: Theme): (view: View) => string {
  const hb = Handlebars.create();
  for (const [name, text] of Object.entries(theme.partials)) hb.registerPartial(name, text);
  const template = hb.compile(theme.template, { strict: false, noEscape: false });
  // CSS is trusted project text, so it is passed as a SafeString and never mixed with data.
  const styles = new hb.SafeString(`<style>${theme.fontCss}\n${theme.css}</style>`);
  return (view) => template({ ...view, styles }, { allowProtoPropertiesByDefault: false });
}
