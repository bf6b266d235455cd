// The build of many scorecards: read and hash every file, skip what has not changed, print
// the rest on a pool of pages, then write the index, the summary and the scores.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import type { Problem } from "../errors.ts";
import { formatProblem, formatProblemsGrouped, UserError } from "../errors.ts";
import { readDataFile, readFailedMessage, removeStaleTempFiles, writeFileAtomic, writeFileAtomicAsync } from "../io/files.ts";
import { MAX_FILE_CHARS } from "../load/load.ts";
import { gitInfoAll, type GitInfo } from "../io/git.ts";
import type { ReviewStatus, TaskForce } from "../model.ts";
import { scoresCsv, scoresJson } from "../score/export.ts";
import type { ScoreCard } from "../score/types.ts";
import type { Validated } from "../validate/validate.ts";
import type { EditionSource, SinceLast } from "../history/editions.ts";
import { indexFacts, type IndexFacts } from "./index-page.ts";
import { MANIFEST_FILE, readManifest, serializeManifest, type Manifest, type ManifestEntry } from "./manifest.ts";
import { docHash, hashParts, planBuild, type Provenance } from "./plan.ts";
import { PagePool } from "./pool.ts";
import { barProgress, plainProgress, summaryTable, useBar, type Progress, type Stream } from "./progress.ts";

/** The provenance printed on a scorecard, as the renderer takes it (rubric version added by the caller). */
export interface DocProvenance {
  dataFile: string;
  commit: string;
  dirty: boolean;
  date: string;
}

export interface BuildOptions {
  stdout: Stream;
  stderr: Stream;
  env: Readonly<Record<string, string | undefined>>;
  /** The data files to build. */
  files: readonly string[];
  /** How a file is named in messages. */
  displayName: (file: string) => string;
  outDir: string;
  /** How the output folder is named in messages. */
  outLabel: string;
  paper: "letter" | "a4";
  concurrency: number;
  timeoutSeconds: number;
  force: boolean;
  /** The hash of everything every document shares (tool, rubric, templates, fonts, config). */
  shared: string;
  /**
   * The languages to build, first the one whose files have no suffix when it is among them.
   * Each has the suffix of its files (".es") and the hash of its words (catalogue, rubric's words).
   */
  languages: readonly BuildLanguage[];
  /** Every language the collection is built in (the config's): entries of any other are dropped from the index. */
  keepLanguages?: readonly string[];
  /** index.html, summary.pdf's HTML and methodology.html of one language, from every scorecard in the output folder. */
  collection: (rows: readonly CollectionRow[], lang: string) => { index: string; summary: string; methodology?: string };
  /** The published versions of each file in git (keyed by absolute path), for the editions on each scorecard. */
  editionSources?: (files: readonly string[]) => Map<string, EditionSource[]>;
  /** The date a scorecard shows: from SOURCE_DATE_EPOCH, the data's last commit, or today. */
  dateFor: (git: GitInfo) => string;
  check: (name: string, text: string) => Validated;
  /** In each language asked for: the scorecard's HTML, and the handout's HTML from whole to tight (the first that fits one page is printed). */
  render: (
    taskForce: TaskForce,
    provenance: DocProvenance,
    editions: readonly EditionSource[],
    languages: readonly string[],
  ) => { since?: SinceLast; outputs: readonly RenderedLanguage[] };
  print: (page: Page, html: string, card: ScoreCard, provenance: DocProvenance) => Promise<Uint8Array>;
  /** Prints the one-page handout, output/<name>.handout.pdf; without it, no handout is made. */
  printHandout?: (page: Page, versions: readonly string[]) => Promise<Uint8Array>;
  printSummary: (page: Page, html: string) => Promise<Uint8Array>;
  /** Finds and starts a browser; only called when something has to be printed. */
  launch: () => Promise<Browser>;
  prepare: (page: Page) => Promise<void>;
  /** Listen for SIGINT and SIGTERM (the CLI does; tests that run in-process may not). */
  handleSignals?: boolean;
}

export interface BuildLanguage {
  lang: string;
  /** "" for the first language, ".es" for Spanish: output/<name><suffix>.pdf. */
  suffix: string;
  /** The hash of this language's words, so a changed translation rebuilds its files only. */
  words: string;
}

export interface RenderedLanguage {
  lang: string;
  card: ScoreCard;
  html: string;
  handout?: readonly string[];
}

/** One task force as the index sees it: its card and output in each language that was built. */
export interface CollectionRow {
  /** The first language's output name (output/<output>.pdf), or the doc's name. */
  output: string;
  file: string;
  /** The card in the first language built. */
  card: ScoreCard;
  review: ReviewStatus;
  facts?: IndexFacts;
  /** Per language: its card (criteria titles and reasons in that language) and its output name. */
  cards: Record<string, ScoreCard>;
  outputs: Record<string, string>;
}

export interface BuildOutcome {
  exitCode: number;
  built: number;
  skipped: number;
  failed: number;
  /** How many browsers were started (0 when nothing had to be printed). */
  launches: number;
}

interface Prepared {
  doc: Doc;
  outputs: { unit: Unit; card: ScoreCard; html: string; handout: readonly string[] | undefined }[];
  review: ReviewStatus;
  warnings: Problem[];
  facts: IndexFacts;
}

/** One language's files of one document: output/<out>.pdf, .html and .handout.pdf. */
interface Unit {
  /** The output name, which is also its key in the manifest: "la" or "la.es". */
  name: string;
  lang: string;
  hash: string;
  doc: Doc;
}

interface Doc {
  name: string;
  file: string;
  display: string;
  text: string;
  hash: string;
  provenance: DocProvenance;
  /** Its earlier published versions: part of its hash, so a new edition rebuilds it. */
  editions: readonly EditionSource[];
  units: Unit[];
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function runBuild(o: BuildOptions): Promise<BuildOutcome> {
  const started = performance.now();
  removeStaleTempFiles(o.outDir);
  const say = (line: string) => {
    progress.message(line);
  };
  let failed = 0;

  // 1. Read every file and work out its hash: no parsing yet, so this stays fast.
  const texts: { file: string; display: string; text: string }[] = [];
  const early: string[] = [];
  for (const file of o.files) {
    const display = o.displayName(file);
    const read = readDataFile(file, MAX_FILE_CHARS);
    if ("error" in read) {
      early.push(`${display}:1:1: ${readFailedMessage(read.error)}`);
      failed++;
    } else {
      // Too large: checking reports it at its location, without the file in memory.
      texts.push({ file, display, text: "text" in read ? read.text : " ".repeat(MAX_FILE_CHARS + 1) });
    }
  }
  const git = gitInfoAll(texts.map((t) => t.file));
  const editionSources = o.editionSources?.(texts.map((t) => t.file)) ?? new Map<string, EditionSource[]>();
  const docs: Doc[] = [];
  const seen = new Map<string, string>();
  for (const t of texts) {
    const name = basename(t.file, extname(t.file));
    const other = seen.get(name);
    if (other !== undefined) {
      early.push(`${t.display}:1:1: this file would be built as ${o.outLabel}/${name}.pdf, like ${other}. Rename one of the two files.`);
      failed++;
      continue;
    }
    seen.set(name, t.display);
    const info = git.get(resolve(t.file)) ?? { commit: "none", dirty: false, fileDate: undefined };
    const provenance: DocProvenance = { dataFile: t.display, commit: info.commit, dirty: info.dirty, date: o.dateFor(info) };
    const hashed: Provenance = { dataFile: t.display, commit: info.commit, dirty: info.dirty, date: provenance.date, paper: o.paper };
    const editions = editionSources.get(resolve(t.file)) ?? [];
    const hash = docHash(o.shared, t.text, hashed);
    const withEditions = editions.length ? hashParts([hash, ...editions.flatMap((e) => [e.commit, e.date, e.text, e.rubric ?? ""])]) : hash;
    const doc: Doc = { name, file: t.file, display: t.display, text: t.text, provenance, editions, hash: withEditions, units: [] };
    doc.units = o.languages.map((l) => ({
      name: `${name}${l.suffix}`,
      lang: l.lang,
      hash: hashParts([withEditions, l.lang, l.suffix, l.words]),
      doc,
    }));
    docs.push(doc);
  }

  // 2. Decide, before any browser is found or started.
  let manifestText = "";
  try {
    manifestText = readFileSync(join(o.outDir, MANIFEST_FILE), "utf8");
  } catch {
    // No manifest yet: everything is built.
  }
  const manifest: Manifest = manifestText ? readManifest(o.outDir) : { docs: {} };
  const present = (name: string) =>
    existsSync(join(o.outDir, `${name}.pdf`)) &&
    existsSync(join(o.outDir, `${name}.html`)) &&
    (!o.printHandout || existsSync(join(o.outDir, `${name}.handout.pdf`)));
  // Each language's files are planned on their own: a changed translation rebuilds only its language.
  const unitPlan = planBuild(
    docs.flatMap((d) => d.units),
    manifest,
    present,
    o.force,
  );
  const toBuild = new Map<Doc, Unit[]>();
  for (const u of unitPlan.build) toBuild.set(u.doc, [...(toBuild.get(u.doc) ?? []), u]);
  const plan = { build: docs.filter((d) => toBuild.has(d)), skip: docs.filter((d) => !toBuild.has(d)) };

  const bar = useBar(o.stderr, o.env) && plan.build.length > 0;
  const progress: Progress = bar ? barProgress(o.stderr, plan.build.length) : plainProgress(o.stdout, o.stderr);
  for (const line of early) say(line);
  // Warnings are told once the files are checked, so that one that many files share is said once.
  const warnings = new Map<Doc, readonly Problem[]>();
  for (const doc of plan.skip) warnings.set(doc, manifest.docs[doc.units[0]?.name ?? doc.name]?.warnings ?? []);
  const sayWarnings = () => {
    const all = docs.flatMap((d) => warnings.get(d) ?? []);
    warnings.clear();
    for (const line of formatProblemsGrouped(all)) say(line);
  };

  // 3. Print what changed, a pool of pages wide.
  const pool = new PagePool({ launch: o.launch, prepare: o.prepare, size: o.concurrency });
  let stopped: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) {
      // A second Ctrl-C: leave at once. Files already written are whole.
      pool.kill();
      process.exit(SIGNAL_EXIT[signal] ?? 1);
    }
    stopped = signal;
    pool.kill();
    // If anything still holds the event loop after this, leave anyway.
    setTimeout(() => process.exit(SIGNAL_EXIT[signal] ?? 1), 10_000).unref();
  };
  const onExit = () => {
    pool.kill();
  };
  if (o.handleSignals) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("exit", onExit);
  }

  let built = 0;
  /** A problem that stops every document alike, such as no browser to print with. */
  let fatal: UserError | undefined;
  const queue = [...plan.build];
  const writes: Promise<void>[] = [];
  const fail = (doc: Doc) => {
    failed++;
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the manifest's docs are a record keyed by output name, written out as JSON: deleting the key drops the entry
    for (const u of doc.units) delete manifest.docs[u.name];
  };

  /** Checks and renders the next document to HTML; a document with errors is reported and passed over. */
  const nextPrepared = (): Prepared | undefined => {
    for (let doc = queue.shift(); doc && !stopped; doc = queue.shift()) {
      const checked = o.check(doc.display, doc.text);
      for (const p of checked.problems) if (p.severity !== "warning") say(formatProblem(p));
      warnings.set(
        doc,
        checked.problems.filter((p) => p.severity === "warning"),
      );
      if (checked.taskForce) {
        try {
          const units = toBuild.get(doc) ?? [];
          const { since, outputs } = o.render(
            checked.taskForce,
            doc.provenance,
            doc.editions,
            units.map((u) => u.lang),
          );
          const facts = indexFacts(checked.taskForce, doc.provenance.date, since);
          const byLang = new Map(outputs.map((r) => [r.lang, r]));
          const prepared = units.map((unit) => {
            const r = byLang.get(unit.lang);
            if (!r) throw new Error(`no ${unit.lang} scorecard was made (this is a bug)`);
            return { unit, card: r.card, html: r.html, handout: o.printHandout ? r.handout : undefined };
          });
          return {
            doc,
            outputs: prepared,
            review: checked.taskForce.review.status,
            warnings: checked.problems.filter((p: Problem) => p.severity === "warning"),
            facts,
          };
        } catch (error) {
          say(`${doc.display}: the scorecard could not be made: ${error instanceof Error ? error.message : String(error)}.`);
        }
      }
      progress.done(doc.display, "failed", "see the problems above");
      fail(doc);
    }
    return undefined;
  };

  // Each worker keeps one page busy: while Chromium prints one document, the next one is
  // checked and rendered here, and finished PDFs are written without waiting for the disk.
  const worker = async () => {
    let next = nextPrepared();
    while (next && !stopped) {
      const { doc, outputs, review, warnings, facts } = next;
      progress.start(doc.display);
      // Each language is printed on a page of its own turn, each within the time limit; its
      // handout right after it, on the same page.
      const printing = (async () => {
        const printed: { pdf: Uint8Array; handout: Uint8Array | undefined }[] = [];
        for (const out of outputs) {
          printed.push(
            await pool.run(async (page) => {
              const pdf = await o.print(page, out.html, out.card, doc.provenance);
              return { pdf, handout: out.handout && o.printHandout ? await o.printHandout(page, out.handout) : undefined };
            }, o.timeoutSeconds * 1000),
          );
        }
        return printed;
      })();
      printing.catch(() => undefined); // handled below; this only keeps an early failure from counting as unhandled
      await new Promise((resolve) => setImmediate(resolve)); // let the print request go out first
      next = nextPrepared();
      let printed: { pdf: Uint8Array; handout: Uint8Array | undefined }[];
      try {
        printed = await printing;
      } catch (error) {
        if (stopped) return;
        if (error instanceof UserError) {
          fatal ??= error;
          queue.length = 0;
          fail(doc);
          if (next) fail(next.doc);
          return;
        }
        say(`${doc.display}: the PDF could not be printed: ${error instanceof Error ? error.message : String(error)}.`);
        progress.done(doc.display, "failed", "");
        fail(doc);
        continue;
      }
      const label = outputs.map((x, i) => (i === 0 ? `${o.outLabel}/${x.unit.name}.pdf` : `${x.unit.name}.pdf`)).join(", ");
      writes.push(
        Promise.all(
          outputs.flatMap((out, i) => {
            const p = printed[i]!;
            return [
              writeFileAtomicAsync(join(o.outDir, `${out.unit.name}.pdf`), p.pdf),
              writeFileAtomicAsync(join(o.outDir, `${out.unit.name}.html`), out.html),
              ...(p.handout ? [writeFileAtomicAsync(join(o.outDir, `${out.unit.name}.handout.pdf`), p.handout)] : []),
            ];
          }),
        ).then(
          () => {
            for (const out of outputs)
              manifest.docs[out.unit.name] = {
                file: doc.display,
                hash: out.unit.hash,
                card: out.card,
                review,
                warnings,
                facts,
                doc: doc.name,
                lang: out.unit.lang,
              };
            built++;
            progress.done(label, "built", `grade ${outputs[0]?.card.grade ?? ""}`);
          },
          (error: unknown) => {
            say(`${doc.display}: the PDF could not be saved in ${o.outLabel}/: ${error instanceof Error ? error.message : String(error)}.`);
            progress.done(doc.display, "failed", "");
            fail(doc);
          },
        ),
      );
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(Math.max(1, o.concurrency), Math.max(1, plan.build.length)) }, worker));
    // Every started write finishes, even after a signal: each file ends up whole, old or new.
    await Promise.all(writes);

    if (fatal) {
      writeIfChanged(join(o.outDir, MANIFEST_FILE), serializeManifest(manifest), manifestText);
      sayWarnings();
      progress.end();
      o.stderr.write(`scorecard: ${fatal.message}\n`);
      return { exitCode: 1, built, skipped: plan.skip.length, failed, launches: pool.launches };
    }

    if (stopped) {
      // Keep what was finished, so the next build does not redo it.
      writeIfChanged(join(o.outDir, MANIFEST_FILE), serializeManifest(manifest), manifestText);
      sayWarnings();
      progress.end();
      o.stderr.write(
        `scorecard: stopped by ${stopped}. ${built} scorecard(s) were finished; every file in ${o.outLabel}/ is complete (old or new).\n`,
      );
      return { exitCode: SIGNAL_EXIT[stopped] ?? 1, built, skipped: plan.skip.length, failed, launches: pool.launches };
    }

    // 4. The index, the comparison and the scores cover every scorecard in the output folder
    // whose data file still exists, not only those of this run.
    const keep = new Set(o.keepLanguages ?? o.languages.map((l) => l.lang));
    for (const [name, entry] of Object.entries(manifest.docs)) {
      const docName = entry.doc ?? name;
      const gone = (!seen.has(docName) && !existsSync(resolve(entry.file))) || (entry.lang !== undefined && !keep.has(entry.lang));
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- as in fail() above: the record keyed by output name loses the entry
      if (gone) delete manifest.docs[name];
    }
    const rows = collectionRows(manifest, o.languages[0]?.lang ?? "en");
    const scored = rows.map((r) => ({ file: r.file, card: r.card }));
    writeIfChanged(join(o.outDir, "scores.json"), scoresJson(scored));
    writeIfChanged(join(o.outDir, "scores.csv"), scoresCsv(scored));

    const summaries = { ...(manifest.summaries ?? {}) };
    for (const l of o.languages) {
      const pages = o.collection(rows, l.lang);
      writeIfChanged(join(o.outDir, `index${l.suffix}.html`), pages.index);
      if (pages.methodology !== undefined) writeIfChanged(join(o.outDir, `methodology${l.suffix}.html`), pages.methodology);
      const summaryHash = hashParts([o.shared, l.words, o.paper, pages.summary]);
      const summaryPath = join(o.outDir, `summary${l.suffix}.pdf`);
      if (stopped) break;
      if (o.force || summaries[l.lang] !== summaryHash || !existsSync(summaryPath)) {
        try {
          const pdf = await pool.run((page) => o.printSummary(page, pages.summary), o.timeoutSeconds * 1000);
          if (!stopped) {
            writeFileAtomic(summaryPath, pdf);
            summaries[l.lang] = summaryHash;
          }
        } catch (error) {
          if (!stopped) {
            failed++;
            say(`${o.outLabel}/summary${l.suffix}.pdf could not be printed: ${error instanceof Error ? error.message : String(error)}.`);
          }
        }
      }
    }
    manifest.summaries = summaries;
    writeIfChanged(join(o.outDir, MANIFEST_FILE), serializeManifest(manifest), manifestText);
    sayWarnings();
    progress.end();
    if (stopped) {
      o.stderr.write(
        `scorecard: stopped by ${stopped}. ${built} scorecard(s) were finished; every file in ${o.outLabel}/ is complete (old or new).\n`,
      );
      return { exitCode: SIGNAL_EXIT[stopped] ?? 1, built, skipped: plan.skip.length, failed, launches: pool.launches };
    }
    o.stdout.write(summaryTable({ built, skipped: plan.skip.length, failed, seconds: (performance.now() - started) / 1000 }));
    if (failed) {
      const others = built + plan.skip.length > 0 ? " The others were built." : "";
      o.stderr.write(`${failed} file(s) could not be built because of the problems above.${others}\n`);
    }
    return { exitCode: failed ? 1 : 0, built, skipped: plan.skip.length, failed, launches: pool.launches };
  } finally {
    await pool.close();
    if (o.handleSignals) {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.off("exit", onExit);
    }
  }
}

/** Writes only when the content changed, so a build with no changes writes nothing. */
function writeIfChanged(path: string, content: string, previous?: string): void {
  if (previous === undefined) {
    try {
      previous = readFileSync(path, "utf8");
    } catch {
      previous = undefined;
    }
  }
  if (previous !== content) writeFileAtomic(path, content);
}

/**
 * The task forces in the output folder, each once, with its card and output name in every
 * language built so far. The first language's card stands for it where one is needed. Pure.
 */
export function collectionRows(manifest: Manifest, first: string): CollectionRow[] {
  const byDoc = new Map<string, { entries: Map<string, ManifestEntry & { name: string }> }>();
  for (const [name, entry] of Object.entries(manifest.docs)) {
    const docName = entry.doc ?? name;
    const lang = entry.lang ?? first;
    const group = byDoc.get(docName) ?? { entries: new Map() };
    group.entries.set(lang, { ...entry, name });
    byDoc.set(docName, group);
  }
  return [...byDoc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([docName, { entries }]) => {
      const main = entries.get(first) ?? [...entries.values()][0]!;
      const cards: Record<string, ScoreCard> = {};
      const outputs: Record<string, string> = {};
      for (const [lang, e] of entries) {
        cards[lang] = e.card;
        outputs[lang] = e.name;
      }
      return {
        output: entries.get(first)?.name ?? docName,
        file: main.file,
        card: main.card,
        review: main.review,
        ...(main.facts ? { facts: main.facts } : {}),
        cards,
        outputs,
      };
    });
}
