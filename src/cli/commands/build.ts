import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { compilePage, indexView, methodologyView } from "../../batch/index-page.ts";
import { readConfigText, sharedHash, toolFingerprint } from "../../batch/inputs.ts";
import { runBuild } from "../../batch/run.ts";
import { readEditions } from "../../history/editions.ts";
import { readEditionSources } from "../../history/git.ts";
import { buildLanguages, languageSuffix, readConfig, replyDays } from "../../io/config.ts";
import { readLanguage } from "../../io/languages.ts";
import { catalogueLanguages } from "../../io/messages.ts";
import { hashParts } from "../../batch/plan.ts";
import { readTheme } from "../../io/theme.ts";
import { ensureBrowser } from "../../pdf/browser.ts";
import { printToFit } from "../../pdf/fit.ts";
import { launchBrowser, lockDown, printPdf } from "../../pdf/print.ts";
import { check, renderDocument, renderHandout } from "../../pipeline.ts";
import { compileHandout } from "../../render/documents.ts";
import { inlineFonts } from "../../render/fonts.ts";
import { compileTheme } from "../../render/render.ts";
import { parseRubric } from "../../score/rubric.ts";
import { RUBRIC_FILE, TEMPLATES_DIR, TOOL_ROOT, today, type CliIO } from "../context.ts";
import { displayName, resolveInputs } from "../read.ts";

const HELP = `Usage: scorecard build [options] [paths]

Builds a PDF and an HTML scorecard for each task force file into output/, with
a one-page handout for hearings (output/<name>.handout.pdf), plus
output/index.html (every task force and every criterion side by side,
sortable), output/summary.pdf (the same comparison, printable),
output/methodology.html, output/scores.json and output/scores.csv. Each
scorecard shows its earlier published editions, read from git.
Every file is made in each language: the first language's with these names,
the others' with the language before the extension (output/<name>.es.pdf,
output/index.es.html, output/summary.es.pdf).
With no paths, builds every scorecards/*.yaml.

Only scorecards whose data, rubric, templates, fonts or tool version changed
are built again; the others are skipped.

  --out DIR          where to write (default: output)
  --paper letter|a4  paper size (default: letter)
  --concurrency N    how many scorecards to print at once (default: one per processor core)
  --timeout SECONDS  give up on a scorecard that takes longer than this to print (default: 60)
  --lang LANG        build only this language (en, es, or several: en,es);
                     by default every language that scorecard.config.yaml
                     lists under languages: (English and Spanish)
  --force            build every scorecard, changed or not
  --strict           a release build: warnings (such as a citation without a
                     quote) count as errors, and a scorecard that is not
                     published is not built

Exit codes: 0 all built, 1 a file has a problem (the others are still built),
2 internal error, 130/143 stopped by Ctrl-C or SIGTERM.`;

/** The date printed on a scorecard: SOURCE_DATE_EPOCH, else the data's last commit, else today. */
export function provenanceDate(env: CliIO["env"], fileDate: number | undefined): string {
  const epoch = env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) : fileDate;
  return new Date(epoch !== undefined && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

function positiveNumber(value: string | undefined, flag: string, integer: boolean): number | string {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    return `scorecard: ${flag} must be a ${integer ? "whole number" : "number"} above 0, not '${value}'.`;
  }
  return n;
}

export async function buildCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "output" },
      paper: { type: "string", default: "letter" },
      concurrency: { type: "string" },
      timeout: { type: "string", default: "60" },
      force: { type: "boolean", default: false },
      lang: { type: "string" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  const paper = values.paper.toLowerCase();
  if (paper !== "letter" && paper !== "a4") {
    io.stderr.write(`scorecard: --paper must be letter or a4, not '${values.paper}'.\n`);
    return 1;
  }
  const concurrency = values.concurrency === undefined ? availableParallelism() : positiveNumber(values.concurrency, "--concurrency", true);
  const timeout = positiveNumber(values.timeout, "--timeout", false);
  for (const v of [concurrency, timeout]) {
    if (typeof v === "string") {
      io.stderr.write(v + "\n");
      return 1;
    }
  }
  const files = resolveInputs(positionals, io);
  const rubricText = readFileSync(RUBRIC_FILE, "utf8");
  const rubric = parseRubric(rubricText);
  const theme = readTheme(TEMPLATES_DIR);
  const renderHtml = compileTheme(theme);
  const renderHandoutHtml = theme.documents ? compileHandout(theme) : undefined;
  const config = readConfig(io.cwd);
  const available = catalogueLanguages();
  const configured = buildLanguages(config, available);
  const { languages } = buildLanguages(config, available, values.lang);
  const words = new Map(languages.map((lang) => [lang, readLanguage(lang, rubric, RUBRIC_FILE)]));
  for (const w of words.values()) for (const line of w.warnings) io.stderr.write(`warning: ${line}.\n`);
  const checkOptions = { criteria: rubric.criteria.map((c) => c.id), replyDays: replyDays(config), strict: values.strict };
  const day = today(io.env);
  const format = paper === "a4" ? "A4" : "Letter";
  // index.html, summary.pdf and methodology.html share one stylesheet and the bundled fonts.
  const pageStyles = readFileSync(join(TEMPLATES_DIR, "index.css"), "utf8");
  const indexPage = compilePage(readFileSync(join(TEMPLATES_DIR, "index.hbs"), "utf8"));
  const summaryPage = compilePage(readFileSync(join(TEMPLATES_DIR, "summary.hbs"), "utf8"));
  const methodologyPage = compilePage<ReturnType<typeof methodologyView>>(readFileSync(join(TEMPLATES_DIR, "methodology.hbs"), "utf8"));
  // Every page links each language the collection is built in.
  const pageLanguages = [...new Set([...configured.languages, ...languages])].map((l) => ({
    lang: l,
    suffix: languageSuffix(l, configured.first),
  }));
  const wordsOf = (lang: string) => {
    const w = words.get(lang);
    if (!w) throw new Error(`the ${lang} words were not read (this is a bug)`);
    return w;
  };

  const outcome = await runBuild({
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    files,
    displayName: (file) => displayName(file, io),
    outDir: resolve(io.cwd, values.out),
    outLabel: values.out.replace(/\/+$/, ""),
    paper,
    concurrency: concurrency as number,
    timeoutSeconds: timeout as number,
    force: values.force,
    shared: sharedHash({
      tool: toolFingerprint(TOOL_ROOT),
      rubric: rubricText,
      theme,
      config: readConfigText(io.cwd),
      strict: values.strict,
    }),
    languages: languages.map((lang) => ({ lang, suffix: languageSuffix(lang, configured.first), words: hashParts(wordsOf(lang).texts) })),
    keepLanguages: [...new Set([...configured.languages, ...languages])],
    collection: (rows, lang) => {
      const w = wordsOf(lang);
      const view = indexView(
        rows,
        rubric.grading.grades.map((g) => g.grade),
        w.messages,
        pageLanguages,
      );
      // Each page gets the bundled font pieces its text uses, like the scorecards.
      return {
        index: inlineFonts(indexPage(view, pageStyles), theme.fonts),
        summary: inlineFonts(summaryPage(view, pageStyles), theme.fonts),
        methodology: inlineFonts(methodologyPage(methodologyView(w.rubric, w.messages, pageLanguages), pageStyles), theme.fonts),
      };
    },
    editionSources: readEditionSources,
    dateFor: (git) => provenanceDate(io.env, git.fileDate),
    check: (name, text) => check(name, text, day, checkOptions),
    render: (taskForce, provenance, sources, langs) => {
      // Earlier editions are scored again with the rubric of their own commit (pure; git was read above).
      const editions = readEditions(sources, day, rubricText);
      let since: ReturnType<typeof renderDocument>["editions"]["sinceLast"];
      const outputs = langs.map((lang) => {
        const w = wordsOf(lang);
        const built = renderDocument(
          taskForce,
          w.rubric,
          renderHtml,
          { ...provenance, rubricVersion: rubric.version },
          config,
          editions,
          w.messages,
          rubric,
        );
        since ??= built.editions.sinceLast;
        const pdfName = `${basename(provenance.dataFile, extname(provenance.dataFile))}${languageSuffix(lang, configured.first)}.pdf`;
        const handout = renderHandoutHtml ? renderHandout(built, renderHandoutHtml, { siteUrl: config.site_url, pdfName }) : undefined;
        return { lang, card: built.card, html: built.html, ...(handout ? { handout } : {}) };
      });
      return { since, outputs };
    },
    print: (page, html) => printPdf(page, html, { format }),
    printHandout: renderHandoutHtml ? (page, versions) => printToFit(page, versions, { format }) : undefined,
    printSummary: (page, html) => printPdf(page, html, { format, landscape: true }),
    launch: () => launchBrowser(ensureBrowser(io.env, (line) => io.stderr.write(line + "\n"))),
    prepare: lockDown,
    // Only the real CLI owns the process; in-process callers (tests) keep their own handlers.
    handleSignals: io.stdout === process.stdout,
  });
  return outcome.exitCode;
}
