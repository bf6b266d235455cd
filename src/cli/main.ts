import { parseArgs } from "node:util";
import { StageError, UserError } from "../errors.ts";
import type { CliIO } from "./context.ts";

export type { CliIO } from "./context.ts";

/** A command takes its own arguments and returns an exit code: 0 ok, 1 user error (at once, or when it is done). */
export type Command = (args: string[], io: CliIO) => number | Promise<number>;

/**
 * Each command is loaded only when it runs, so that `validate` never loads the browser and
 * `--help` loads nothing: starting is most of the time a quick command takes.
 */
const commands: Record<string, { load: () => Promise<Command>; summary: string }> = {
  validate: {
    load: async () => (await import("./commands/validate.ts")).validateCommand,
    summary: "check task force files and report every problem",
  },
  score: { load: async () => (await import("./commands/score.ts")).scoreCommand, summary: "score task force files against the rubric" },
  build: { load: async () => (await import("./commands/build.ts")).buildCommand, summary: "build PDF and HTML scorecards into output/" },
  diff: {
    load: async () => (await import("./commands/diff.ts")).diffCommand,
    summary: "show what a change does to each scorecard's grade, and why",
  },
  history: {
    load: async () => (await import("./commands/history.ts")).historyCommand,
    summary: "show a task force's grade over time, commit by commit, and what moved it",
  },
  new: {
    load: async () => (await import("./commands/new.ts")).newCommand,
    summary: "start a file for a new task force, every fact set to unknown",
  },
  preview: {
    load: async () => {
      const { previewCommand } = await import("./commands/preview.ts");
      return (args, io) => previewCommand(args, io);
    },
    summary: "show a scorecard in your browser, updated each time you save",
  },
  "reply-packet": {
    load: async () => (await import("./commands/reply-packet.ts")).replyPacketCommand,
    summary: "make the draft, letter and answer template to send a task force for its reply",
  },
};

const usage = () =>
  [
    "Usage: scorecard <command> [options] [paths]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    "",
    "Run `scorecard <command> --help` for a command's options.",
  ].join("\n");

/**
 * The CLI. Maps errors to exit codes in one place: user errors exit 1 with a plain
 * message, anything else is a bug and exits 2.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage() + "\n");
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`scorecard: unknown command '${name}'.\n\n${usage()}\n`);
    return 1;
  }
  try {
    return await (
      await command.load()
    )(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

export function reportError(error: unknown, io: CliIO): number {
  const root = error instanceof StageError && error.cause instanceof UserError ? error.cause : error;
  if (root instanceof UserError) {
    io.stderr.write(`scorecard: ${root.message}\n`);
    return 1;
  }
  if (isArgError(root)) {
    io.stderr.write(`scorecard: ${(root as Error).message}. Run with --help to see the options.\n`);
    return 1;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `scorecard: internal error. This is a bug in the scorecard tool, not a problem with your data.\n` +
      `Please report it with the details below.\n\n${detail}\n`,
  );
  return 2;
}

function isArgError(error: unknown): boolean {
  return error instanceof Error && "code" in error && String((error as { code: unknown }).code).startsWith("ERR_PARSE_ARGS");
}

export { parseArgs };
