import { existsSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../../errors.ts";
import { readConfig } from "../../io/config.ts";
import { catalogueLanguages } from "../../io/messages.ts";
import { ensureBrowser } from "../../pdf/browser.ts";
import { launchBrowser, lockDown, printPdf } from "../../pdf/print.ts";
import { startPreview } from "../../preview/server.ts";
import { RUBRIC_FILE, TEMPLATES_DIR, today, type CliIO } from "../context.ts";
import { displayName, resolveInputs } from "../read.ts";

const HELP = `Usage: scorecard preview [file] [--port 4173] [--pdf]

Shows a task force's scorecard in your web browser and updates it each time you
save the file (or the rubric, or a template). While the file has a problem, the
page lists the problems instead. Only this computer can open the page.

  --port N   the port to serve on (default 4173)
  --pdf      also keep output/<name>.pdf up to date
  --lang es  show the scorecard in another language (default: English)
Press Ctrl+C to stop.`;

/** Waits for Ctrl+C (SIGINT) or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(signal);
    };
    const onInt = () => {
      stop("SIGINT");
    };
    const onTerm = () => {
      stop("SIGTERM");
    };
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
  });
}

export async function previewCommand(args: string[], io: CliIO, stopped: () => Promise<unknown> = untilStopped): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: "string", default: "4173" },
      pdf: { type: "boolean" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP + "\n");
    return 0;
  }
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
    throw new UserError(`--port must be a number from 1 to 65535, such as 4173, not '${values.port}'.`);
  if (values.lang !== undefined && !catalogueLanguages().includes(values.lang))
    throw new UserError(`--lang names '${values.lang}', but the tool has words only for ${catalogueLanguages().join(", ")}.`);
  if (positionals.length > 1) throw new UserError("preview shows one file at a time. Name one, such as scorecards/example.yaml.");
  let file: string;
  if (positionals[0] !== undefined) {
    file = isAbsolute(positionals[0]) ? positionals[0] : join(io.cwd, positionals[0]);
    if (!existsSync(file))
      throw new UserError(`${positionals[0]}: no such file. Check the path, or start one with: npm run scorecard -- new "Task force name"`);
    if (statSync(file).isDirectory())
      throw new UserError(
        `${positionals[0]} is a folder. Name one task force file in it, such as ${join(positionals[0], "example.yaml")}.`,
      );
  } else {
    const files = resolveInputs([], io);
    if (files.length !== 1)
      throw new UserError(
        `name the file to preview, such as: npm run scorecard -- preview ${displayName(files[0]!, io)}\nFiles found: ${files.map((f) => displayName(f, io)).join(", ")}`,
      );
    file = files[0]!;
  }
  const display = displayName(file, io);
  const say = (line: string) => io.stderr.write(line + "\n");
  const server = await startPreview({
    file,
    display,
    port: Number(values.port),
    rubricFile: RUBRIC_FILE,
    templatesDir: TEMPLATES_DIR,
    config: readConfig(io.cwd),
    today: today(io.env),
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    pdf: values.pdf
      ? {
          outDir: join(io.cwd, "output"),
          launch: () => launchBrowser(ensureBrowser(io.env, say)),
          print: async (browser, html) => {
            const page = await browser.newPage();
            try {
              await lockDown(page);
              return await printPdf(page, html, { format: "Letter" });
            } finally {
              await page.close();
            }
          },
        }
      : undefined,
    log: (line) => say(`preview: ${line}`),
  });
  io.stdout.write(`Preview of ${display}: open ${server.url}\nIt updates each time you save. Press Ctrl+C to stop.\n`);
  await stopped();
  await server.close();
  io.stdout.write("Preview stopped.\n");
  return 0;
}
