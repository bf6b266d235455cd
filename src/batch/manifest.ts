// output/.build-manifest.json: what the last build made from what, so the next build can
// skip every document whose inputs did not change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../errors.ts";
import { writeFileAtomic } from "../io/files.ts";
import type { ReviewStatus } from "../model.ts";
import type { ScoreCard } from "../score/types.ts";
import type { IndexFacts } from "./index-page.ts";

export const MANIFEST_FILE = ".build-manifest.json";
const FORMAT = 2;

export interface ManifestEntry {
  /** The data file, as named in messages (relative to where the build ran). */
  file: string;
  /** The hash of everything that went into this document's PDF and HTML. */
  hash: string;
  card: ScoreCard;
  /** The scorecard's review status, so the index can mark drafts. */
  review: ReviewStatus;
  /** Warnings found when it was built, shown again when it is skipped. */
  warnings: Problem[];
  /** State, region, date and the change since the last edition, for the index. */
  facts?: IndexFacts;
}

export interface Manifest {
  /** Keyed by output name: output/<name>.pdf. */
  docs: Record<string, ManifestEntry>;
  /** The hash of what went into summary.pdf. */
  summary?: string;
}

/** Reads the manifest; a missing, damaged or older one counts as empty, which only means a full rebuild. */
export function readManifest(outDir: string): Manifest {
  try {
    const raw = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as { format?: unknown; docs?: unknown; summary?: unknown };
    if (raw.format !== FORMAT || !raw.docs || typeof raw.docs !== "object" || Array.isArray(raw.docs)) return { docs: {} };
    const docs: Record<string, ManifestEntry> = Object.create(null);
    for (const [name, entry] of Object.entries(raw.docs as Record<string, ManifestEntry>)) {
      if (entry && typeof entry.hash === "string" && typeof entry.file === "string" && entry.card && typeof entry.review === "string" && Array.isArray(entry.warnings)) docs[name] = entry;
    }
    return { docs, ...(typeof raw.summary === "string" ? { summary: raw.summary } : {}) };
  } catch {
    return { docs: {} };
  }
}

export function serializeManifest(manifest: Manifest): string {
  const docs = Object.fromEntries(Object.keys(manifest.docs).sort().map((k) => [k, manifest.docs[k]]));
  return JSON.stringify({ format: FORMAT, summary: manifest.summary, docs }) + "\n";
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileAtomic(join(outDir, MANIFEST_FILE), serializeManifest(manifest));
}
