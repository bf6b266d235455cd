import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { FONT_FAMILIES, type PackagedFace } from "../render/fonts-bundled.ts";
import { bundledCoverage } from "../render/fonts-coverage.ts";
import type { Fonts } from "../render/fonts.ts";
import type { Theme } from "../render/render.ts";
import { fontBase64, packageVersion, readFamilyFaces } from "./fonts.ts";

let fonts: Fonts | undefined;

/**
 * The fonts bundled from @fontsource, so every machine renders the same PDF. A family's CSS
 * is read when a page first needs it, and each woff2 file likewise, then kept.
 */
export function readFonts(): Fonts {
  if (!fonts) {
    const faces = new Map<string, PackagedFace[]>();
    const facesOf = (name: string) => {
      let list = faces.get(name);
      if (!list) {
        const family = FONT_FAMILIES.find((f) => f.family === name);
        if (!family) throw new Error(`no bundled font family '${name}' (this is a bug)`);
        faces.set(name, (list = readFamilyFaces(family)));
      }
      return list;
    };
    // Font packages never change within a version, so the versions stand for the files.
    const fingerprint = FONT_FAMILIES.map(
      (f) =>
        `${f.pkg}@${packageVersion(f.pkg)} ${f.family} ${f.variants.map((v) => `${v.weight}${v.style}`).join(" ")} ${f.features ?? ""}`,
    ).join("\n");
    fonts = { library: { coverage: bundledCoverage(), facesOf }, base64: fontBase64, fingerprint };
  }
  return fonts;
}

/** Reads the templates, partials and CSS from a templates folder. */
export function readTheme(templatesDir: string): Theme {
  const partialsDir = join(templatesDir, "partials");
  const partials: Record<string, string> = {};
  for (const f of readdirSync(partialsDir)
    .filter((f) => f.endsWith(".hbs"))
    .sort()) {
    partials[basename(f, ".hbs")] = readFileSync(join(partialsDir, f), "utf8");
  }
  const read = (name: string) => readFileSync(join(templatesDir, name), "utf8");
  // The hearing's parts of the scorecard have their own CSS file, added after the scorecard's.
  const hearingCss = existsSync(join(templatesDir, "hearing.css")) ? `\n${read("hearing.css")}` : "";
  const documents = existsSync(join(templatesDir, "handout.hbs"))
    ? {
        handout: read("handout.hbs"),
        handoutCss: read("handout.css"),
        replyPacket: read("reply-packet.hbs"),
        replyPacketCss: read("reply-packet.css"),
      }
    : undefined;
  return {
    template: read("scorecard.hbs"),
    partials,
    css: read("scorecard.css") + hearingCss,
    fonts: readFonts(),
    ...(documents ? { documents } : {}),
  };
}
