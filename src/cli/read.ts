import { join, relative, isAbsolute } from "node:path";
import { expandPaths, readDataFile, readFailedMessage, type DataFileRead } from "../io/files.ts";
import { loadAndValidate } from "../validate/check.ts";
import type { ValidateOptions, Validated } from "../validate/validate.ts";
import { load, MAX_FILE_CHARS } from "../load/load.ts";
import { today, type CliIO } from "./context.ts";
import { UserError } from "../errors.ts";

/** The files named on the command line, or every scorecards/*.yaml when none is named. */
export function resolveInputs(paths: readonly string[], io: CliIO): string[] {
  const given = paths.length ? paths : [join(io.cwd, "scorecards")];
  const files = expandPaths(given.map((p) => (isAbsolute(p) ? p : join(io.cwd, p))));
  if (files.length === 0) throw new UserError(`no task force files (*.yaml) found in ${given.join(", ")}.`);
  return files;
}

/** How a file is named in messages: relative to where the user ran the command. */
export const displayName = (file: string, io: CliIO): string => {
  const rel = relative(io.cwd, file);
  return rel.startsWith("..") ? file : rel;
};

/** A file as read from disk: its name in messages, and its text or why it could not be read. */
export interface Input {
  name: string;
  read: DataFileRead;
}

/** Reads each file once. */
export function readInputs(files: readonly string[], io: CliIO): Input[] {
  return files.map((file) => ({ name: displayName(file, io), read: readDataFile(file, MAX_FILE_CHARS) }));
}

/**
 * Checks each file read. A file that could not be read is a located problem, not a crash.
 * Replies are checked against options.criteria: pass the rubric's criterion ids.
 */
export function checkInputs(inputs: readonly Input[], io: CliIO, options: ValidateOptions = {}): Validated[] {
  const day = today(io.env);
  return inputs.map(({ name, read }) => {
    if ("error" in read) {
      const loaded = load(name, "");
      loaded.problems = [{ file: name, line: 1, col: 1, code: "read-failed", severity: "error", message: readFailedMessage(read.error) }];
      return { loaded, taskForce: undefined, problems: loaded.problems };
    }
    // Too large: the loader's own size check reports it, without the file in memory.
    return loadAndValidate(name, "text" in read ? read.text : " ".repeat(MAX_FILE_CHARS + 1), day, options);
  });
}

/** Reads and checks each file (readInputs, then checkInputs). */
export function readAndCheck(files: readonly string[], io: CliIO, options: ValidateOptions = {}): Validated[] {
  return checkInputs(readInputs(files, io), io, options);
}
