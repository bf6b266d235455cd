// Reads the bundled font packages from node_modules: their @fontsource CSS, their versions
// and their woff2 files. File contents are cached for the life of the process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cssFilesOf, FONT_FAMILIES, parseFontsourceCss, type FontFamily, type PackagedFace } from "../render/fonts-bundled.ts";
import { coverageTable, type CoverageFile } from "../render/fonts-coverage-table.ts";
import { woff2Coverage } from "../render/woff2.ts";

const require = createRequire(import.meta.url);

const packageDirs = new Map<string, string>();
/** The folder of an installed font package. */
export function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (dir === undefined) {
    try {
      dir = dirname(require.resolve(`${pkg}/package.json`));
    } catch (error) {
      throw new Error(`the font package ${pkg} is not installed; run npm ci`, { cause: error });
    }
    packageDirs.set(pkg, dir);
  }
  return dir;
}

/** The installed version of a font package. */
export function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(packageDir(pkg), "package.json"), "utf8")) as { version: string }).version;
}

/** The faces of one family's bundled variants, in the order its CSS declares them. */
export function readFamilyFaces(family: FontFamily): PackagedFace[] {
  const faces = cssFilesOf(family).flatMap((css) =>
    parseFontsourceCss(readFileSync(join(packageDir(family.pkg), css), "utf8"), family.pkg),
  );
  if (family.features) for (const face of faces) face.features = family.features;
  const wrong = faces.find((f) => f.family !== family.family);
  if (wrong) throw new Error(`${family.pkg} declares the family '${wrong.family}', not '${family.family}' (this is a bug)`);
  return faces;
}

/** Every face of every bundled family. */
export function readBundledFaces(): PackagedFace[] {
  return FONT_FAMILIES.flatMap(readFamilyFaces);
}

/** A font file's bytes. */
export function readFontFile(pkg: string, file: string): Buffer {
  return readFileSync(join(packageDir(pkg), file));
}

const base64Cache = new Map<string, string>();
/** A font file as base64, read once per process. */
export function fontBase64(pkg: string, file: string): string {
  const key = `${pkg}/${file}`;
  let data = base64Cache.get(key);
  if (data === undefined) {
    data = readFontFile(pkg, file).toString("base64");
    base64Cache.set(key, data);
  }
  return data;
}

/** Builds the coverage table from the installed fonts' cmaps (about a second: for the generator and its test). */
export function readFontCoverageTable(): CoverageFile {
  const families = FONT_FAMILIES.map((family) => {
    const faces = readFamilyFaces(family);
    const subsets = new Map<string, { subset: string; unicodeRange: string; cmaps: [number, number][][] }>();
    for (const face of faces) {
      let s = subsets.get(face.subset);
      if (!s) subsets.set(face.subset, (s = { subset: face.subset, unicodeRange: face.unicodeRange, cmaps: [] }));
      if (s.unicodeRange !== face.unicodeRange)
        throw new Error(`${face.file} has another unicode-range than its other weights (this is a bug)`);
      s.cmaps.push(woff2Coverage(readFontFile(face.pkg, face.file)));
    }
    return { family: family.family, subsets: [...subsets.values()] };
  });
  const packages = Object.fromEntries(FONT_FAMILIES.map((f) => [f.pkg, packageVersion(f.pkg)]));
  return coverageTable(families, packages);
}
