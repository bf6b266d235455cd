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
const FORMAT = 3;

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
  /** The document it is one language of (its name without the language's suffix), and that language. */
  doc?: string;
  lang?: string;
}

export interface Manifest {
  /** Keyed by output name: output/<name>.pdf, output/<name>.es.pdf. */
  docs: Record<string, ManifestEntry>;
  /** Per language, the hash of what went into its summary.pdf. */
  summaries?: Record<string, string>;
}

/** Reads the manifest; a missing, damaged or older one counts as empty, which only means a full rebuild. */
export function readManifest(outDir: string): Manifest {
  try {
    const raw = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as { format?: unknown; docs?: unknown; summaries?: unknown };
    if (raw.format !== FORMAT || !raw.docs || typeof raw.docs !== "object" || Array.isArray(raw.docs)) return { docs: {} };
    const docs = Object.create(null) as Record<string, ManifestEntry>;
    // The file is read back, not trusted: an entry may be null, or lack any of its fields.
    for (const [name, entry] of Object.entries(raw.docs as Record<string, Partial<ManifestEntry> | null>)) {
      if (
        entry &&
        typeof entry.hash === "string" &&
        typeof entry.file === "string" &&
        entry.card &&
        typeof entry.review === "string" &&
        Array.isArray(entry.warnings)
      )
        docs[name] = entry as ManifestEntry;
    }
    const summaries = Object.create(null) as Record<string, string>;
    if (raw.summaries && typeof raw.summaries === "object" && !Array.isArray(raw.summaries)) {
      for (const [lang, hash] of Object.entries(raw.summaries as Record<string, unknown>))
        if (typeof hash === "string") summaries[lang] = hash;
    }
    return { docs, summaries };
  } catch {
    return { docs: {} };
  }
}

export function serializeManifest(manifest: Manifest): string {
  const docs = Object.fromEntries(
    Object.keys(manifest.docs)
      .sort()
      .map((k) => [k, manifest.docs[k]]),
  );
  const summaries = manifest.summaries
    ? Object.fromEntries(
        Object.keys(manifest.summaries)
          .sort()
          .map((k) => [k, manifest.summaries![k]]),
      )
    : undefined;
  return JSON.stringify({ format: FORMAT, summaries, docs }) + "\n";
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileAtomic(join(outDir, MANIFEST_FILE), serializeManifest(manifest));
}
