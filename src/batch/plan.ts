// Which documents to build. Pure: hashes in, decisions out.
import { createHash } from "node:crypto";
import type { Manifest } from "./manifest.ts";

/** A SHA-256 over parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ. */
export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    const bytes = typeof p === "string" ? Buffer.from(p, "utf8") : p;
    h.update(`${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest("hex");
}

export interface Provenance {
  dataFile: string;
  commit: string;
  dirty: boolean;
  date: string;
  paper: string;
}

/**
 * The hash of one document: what is shared by every document (tool, rubric, templates,
 * fonts, config), its own YAML, and the provenance printed on its page.
 */
export function docHash(shared: string, yaml: string, provenance: Provenance): string {
  return hashParts([
    shared,
    yaml,
    provenance.dataFile,
    provenance.commit,
    provenance.dirty ? "dirty" : "clean",
    provenance.date,
    provenance.paper,
  ]);
}

export interface PlannedDoc {
  name: string;
  hash: string;
}

export interface Plan<D extends PlannedDoc> {
  build: D[];
  skip: D[];
}

/**
 * A document is skipped only when the last build made it from the same inputs and both
 * of its output files are still there; `force` builds everything.
 */
export function planBuild<D extends PlannedDoc>(
  docs: readonly D[],
  manifest: Manifest,
  outputsPresent: (name: string) => boolean,
  force: boolean,
): Plan<D> {
  const build: D[] = [];
  const skip: D[] = [];
  for (const doc of docs) {
    const unchanged = !force && manifest.docs[doc.name]?.hash === doc.hash && outputsPresent(doc.name);
    (unchanged ? skip : build).push(doc);
  }
  return { build, skip };
}
