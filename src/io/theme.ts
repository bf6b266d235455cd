import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import type { Theme } from "../render/render.ts";

const require = createRequire(import.meta.url);

/** The font faces bundled from @fontsource, so every machine renders the same PDF. */
const FONT_FILES = ["400.css", "400-italic.css", "600.css", "700.css"];
const SUBSETS = ["latin", "latin-ext"];

/** Reads @fontsource CSS and inlines the woff2 files as data: URIs; the page may load nothing else. */
export function readFontCss(): string {
  const pkgDir = dirname(require.resolve("@fontsource/source-sans-3/package.json"));
  const out: string[] = [];
  for (const file of FONT_FILES) {
    const css = readFileSync(join(pkgDir, file), "utf8");
    for (const block of css.split(/(?=\/\* source-sans-3-)/)) {
      const subset = /\/\* source-sans-3-(.+?)-\d00-(normal|italic) \*\//.exec(block)?.[1];
      if (!subset || !SUBSETS.includes(subset)) continue;
      out.push(
        block.replace(/src:[^;]+;/, (src) => {
          const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(src)?.[1];
          if (!woff2) throw new Error(`no woff2 font in ${file} (this is a bug)`);
          const data = readFileSync(join(pkgDir, "files", woff2)).toString("base64");
          return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
        }).replace("font-display: swap;", "font-display: block;"),
      );
    }
  }
  return out.join("\n");
}

/** Reads the templates, partials and CSS from a templates folder. */
export function readTheme(templatesDir: string): Theme {
  const partialsDir = join(templatesDir, "partials");
  const partials: Record<string, string> = {};
  for (const f of readdirSync(partialsDir).filter((f) => f.endsWith(".hbs")).sort()) {
    partials[basename(f, ".hbs")] = readFileSync(join(partialsDir, f), "utf8");
  }
  const read = (name: string) => readFileSync(join(templatesDir, name), "utf8");
  // The hearing's parts of the scorecard have their own CSS file, added after the scorecard's.
  const hearingCss = existsSync(join(templatesDir, "hearing.css")) ? `\n${read("hearing.css")}` : "";
  const documents = existsSync(join(templatesDir, "handout.hbs"))
    ? { handout: read("handout.hbs"), handoutCss: read("handout.css"), replyPacket: read("reply-packet.hbs"), replyPacketCss: read("reply-packet.css") }
    : undefined;
  return {
    template: read("scorecard.hbs"),
    partials,
    css: read("scorecard.css") + hearingCss,
    fontCss: readFontCss(),
    ...(documents ? { documents } : {}),
  };
}
