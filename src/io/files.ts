import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join, basename } from "node:path";

let counter = 0;

/**
 * Writes a file atomically: a temp file next to it, flushed to disk, then a rename. Readers,
 * an interrupted build and a power cut all see either the old file or the new one, never half.
 * Synchronous on purpose: a signal handler runs between writes, never in the middle of one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    const fd = openSync(tmp, "w");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * The same, without blocking: the flush to disk runs off the main thread, so the build can
 * hand the browser its next page meanwhile. The rename still comes last, so an interruption
 * leaves at worst a stray temp file (removed by the next build), never a half-written file.
 */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Removes temp files that a killed build left behind (their writer is gone), so they do not pile up. */
export function removeStaleTempFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\..+\.(\d+)\.\d+\.tmp$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !isAlive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** Expands the paths given on the command line: folders become their *.yaml and *.yml files. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push(p);
      continue;
    }
    if (isDir) {
      for (const f of readdirSync(p).sort()) if (/\.ya?ml$/.test(f)) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

export const readFailedMessage = (reason: string): string => `cannot read this file: ${reason}. Check the path.`;

/** What reading a data file gave: its text, a file too large to read, or why it could not be read. */
export type DataFileRead = { text: string } | { tooLarge: true } | { error: string };

/**
 * Reads a data file as UTF-8. A file over `maxChars` characters is refused before it is read
 * into memory (UTF-8 needs at most 4 bytes a character), and a device or pipe (such as
 * /dev/zero), which would never end, is refused too.
 */
export function readDataFile(file: string, maxChars: number): DataFileRead {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: "this is a folder, not a file" };
    if (!stat.isFile()) return { error: "it is a device or a pipe, not a file" };
    if (stat.size > maxChars * 4) return { tooLarge: true };
    return { text: readFileSync(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === "ENOENT"
          ? "no such file"
          : code === "EISDIR"
            ? "this is a folder, not a file"
            : code === "EACCES"
              ? "you do not have permission to read it"
              : "it could not be read",
    };
  }
}
