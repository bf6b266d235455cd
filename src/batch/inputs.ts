// What every document shares: the tool itself, the rubric, the templates, the fonts and the
// config file. Any change to one of them rebuilds every scorecard.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Theme } from "../render/render.ts";
import { hashParts } from "./plan.ts";

/** The tool's version and a fingerprint of its code, so an upgrade or a code change rebuilds everything. */
export function toolFingerprint(toolRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(toolRoot, "package.json"), "utf8")) as { version?: string };
  const parts: string[] = [`version ${pkg.version ?? "unknown"}`];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) parts.push(entry.name, readFileSync(path, "utf8"));
    }
  };
  for (const dir of ["src", "schemas"]) {
    try {
      walk(join(toolRoot, dir));
    } catch {
      // An installed copy may ship without its sources; the version still counts.
    }
  }
  return hashParts(parts);
}

/** Reads scorecard.config.yaml from the folder the build runs in; "" when there is none. */
export function readConfigText(cwd: string): string {
  try {
    return readFileSync(join(cwd, "scorecard.config.yaml"), "utf8");
  } catch {
    return "";
  }
}

/** The hash of everything shared by all documents. Pure. */
export function sharedHash(parts: { tool: string; rubric: string; theme: Theme; config: string; strict?: boolean }): string {
  const { theme } = parts;
  const partials = Object.keys(theme.partials)
    .sort()
    .flatMap((k) => [k, theme.partials[k] ?? ""]);
  const documents = theme.documents ? ["handout", theme.documents.handout, theme.documents.handoutCss] : [];
  return hashParts([
    "tool",
    parts.tool,
    "rubric",
    parts.rubric,
    "template",
    theme.template,
    "css",
    theme.css,
    "fonts",
    theme.fonts.fingerprint,
    "config",
    parts.config,
    ...(parts.strict ? ["strict"] : []),
    ...partials,
    ...documents,
  ]);
}
