import { readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { formatProblem } from "../../errors.ts";
import { writeFileAtomic } from "../../io/files.ts";
import { gitInfo } from "../../io/git.ts";
import { readTheme } from "../../io/theme.ts";
import { ensureBrowser } from "../../pdf/browser.ts";
import { launchBrowser, lockDown, printPdf } from "../../pdf/print.ts";
import { renderDocument, type Built } from "../../pipeline.ts";
import { compileTheme } from "../../render/render.ts";
import { parseRubric } from "../../score/rubric.ts";
import { scoresCsv, scoresJson } from "../../score/export.ts";
import { RUBRIC_FILE, TEMPLATES_DIR, type CliIO } from "../context.ts";
import { readAndCheck, resolveInputs } from "../read.ts";

const HELP = `Usage: scorecard build [--out DIR] [--paper letter|a4] [paths]

Builds a PDF and an HTML scorecard for each task force file into output/.
With no paths, builds every scorecards/*.yaml.`;

/** The date printed on a scorecard: SOURCE_DATE_EPOCH, else the data's last commit, else today. */
export function provenanceDate(env: CliIO["env"], fileDate: number | undefined): string {
  const epoch = env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) : fileDate;
  return new Date(epoch !== undefined && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

export async function buildCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string", default: "output" }, paper: { type: "string", default: "letter" }, help: { type: "boolean", short: "h" } },
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
  const outDir = join(io.cwd, values.out);
  const files = resolveInputs(positionals, io);
  const checked = readAndCheck(files, io);
  const rubric = parseRubric(readFileSync(RUBRIC_FILE, "utf8"));
  const renderHtml = compileTheme(readTheme(TEMPLATES_DIR));

  let failed = 0;
  const docs: { name: string; file: string; built: Built }[] = [];
  checked.forEach((r, i) => {
    for (const p of r.problems) io.stderr.write(formatProblem(p) + "\n");
    if (!r.taskForce) {
      failed++;
      return;
    }
    const file = files[i]!;
    const git = gitInfo(file);
    const built = renderDocument(r.taskForce, rubric, renderHtml, {
      dataFile: r.loaded.file,
      commit: git.commit,
      dirty: git.dirty,
      rubricVersion: rubric.version,
      date: provenanceDate(io.env, git.fileDate),
    });
    const name = basename(file, extname(file));
    writeFileAtomic(join(outDir, `${name}.html`), built.html);
    docs.push({ name, file: r.loaded.file, built });
  });

  if (docs.length > 0) {
    const found = ensureBrowser(io.env, (line) => io.stderr.write(line + "\n"));
    const browser = await launchBrowser(found);
    try {
      for (const { name, built } of docs) {
        const page = await browser.newPage();
        await lockDown(page);
        const pdf = await printPdf(page, built.html, { format: paper === "a4" ? "A4" : "Letter" });
        await page.close();
        writeFileAtomic(join(outDir, `${name}.pdf`), pdf);
        io.stdout.write(`built ${join(values.out, name)}.pdf  (grade ${built.card.grade})\n`);
      }
    } finally {
      await browser.close();
    }
  }
  const scored = docs.map((d) => ({ file: d.file, card: d.built.card }));
  writeFileAtomic(join(outDir, "scores.json"), scoresJson(scored));
  writeFileAtomic(join(outDir, "scores.csv"), scoresCsv(scored));
  if (failed) io.stderr.write(`${failed} file(s) could not be built because of the errors above.\n`);
  return failed ? 1 : 0;
}
