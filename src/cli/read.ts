import { readFileSync, statSync } from "node:fs";
import { join, relative, isAbsolute } from "node:path";
import { expandPaths } from "../io/files.ts";
import { check } from "../pipeline.ts";
import type { Validated } from "../validate/validate.ts";
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

/** Reads and checks each file. A file that cannot be read is a located problem, not a crash. */
export function readAndCheck(files: readonly string[], io: CliIO): Validated[] {
  const day = today(io.env);
  return files.map((file) => {
    const name = displayName(file, io);
    let text: string;
    try {
      // A huge file is refused before it is read into memory (UTF-8 needs at most 4 bytes a character);
      // a device or pipe (such as /dev/zero) would never end.
      const stat = statSync(file);
      if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: stat.isDirectory() ? "EISDIR" : "ENOTFILE" });
      if (stat.size > MAX_FILE_CHARS * 4) return check(name, " ".repeat(MAX_FILE_CHARS + 1), day);
      text = readFileSync(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === "ENOENT" ? "no such file"
        : code === "EISDIR" ? "this is a folder, not a file"
        : code === "ENOTFILE" ? "it is a device or a pipe, not a file"
        : code === "EACCES" ? "you do not have permission to read it"
        : "it could not be read";
      const loaded = load(name, "");
      loaded.problems = [{ file: name, line: 1, col: 1, code: "read-failed", severity: "error", message: `cannot read this file: ${reason}. Check the path.` }];
      return { loaded, taskForce: undefined, problems: loaded.problems };
    }
    return check(name, text, day);
  });
}
