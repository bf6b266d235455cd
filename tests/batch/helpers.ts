import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBrowser } from "../../src/pdf/browser.ts";
import { fixture, tempDir } from "../helpers.ts";

export const BIN = join(import.meta.dirname, "..", "..", "bin", "scorecard.js");

/**
 * A stand-in browser: a script named like chromium-headless-shell that writes its process id
 * to a log, then becomes the real browser (exec keeps the id). Tests count launches and check
 * the very processes this build started, never anyone else's Chromium.
 */
export function browserWrapper(dir: string): { path: string; pids: () => number[] } {
  const found = findBrowser(process.env);
  if (!found) throw new Error("these tests need Chromium: apt-get install chromium-headless-shell");
  // Debian's /usr/bin/chromium-headless-shell is a shell script that runs the binary as a child;
  // exec the binary itself, so the logged id is Chromium's own.
  const real = { executablePath: binaryBehind(found.executablePath) };
  const binDir = join(dir, "fake-bin");
  mkdirSync(binDir, { recursive: true });
  const log = join(dir, "browser-pids.log");
  writeFileSync(log, "");
  const path = join(binDir, "chromium-headless-shell");
  writeFileSync(path, `#!/bin/sh\necho $$ >> '${log}'\nexec '${real.executablePath}' "$@"\n`);
  chmodSync(path, 0o755);
  wrapperLogs.push(log);
  return { path, pids: () => readFileSync(log, "utf8").split("\n").filter(Boolean).map(Number) };
}

const wrapperLogs: string[] = [];

/** After a failed test: kills whatever is left of the browsers these tests started (by their own ids only). */
export function killOurBrowsers(): void {
  for (const log of wrapperLogs.splice(0)) {
    for (const pid of readFileSync(log, "utf8").split("\n").filter(Boolean).map(Number)) {
      if (processesInGroup(pid).length === 0) continue;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
}

function binaryBehind(path: string): string {
  try {
    const text = readFileSync(path, "utf8").slice(0, 2000);
    const target = text.startsWith("#!") ? /^(\/\S+)\s+"\$@"/m.exec(text)?.[1] : undefined;
    return target ?? path;
  } catch {
    return path;
  }
}

/** A folder of fictional scorecards: copies of the Example County fixture under different file names. */
export function scorecardsDir(count: number): string {
  const dir = tempDir();
  mkdirSync(join(dir, "scorecards"));
  const text = readFileSync(fixture("valid", "example-county.yaml"), "utf8");
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, "scorecards", `example-${String(i).padStart(3, "0")}.yaml`), text);
  return dir;
}

/** Every process in a process group (Chromium runs as a group led by its browser process). */
export function processesInGroup(pgid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) === pgid && rest[0] !== "Z") found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stdout matches. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
}

/** Runs the real CLI in its own process, as a user would, with output piped. */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, CI: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const listeners: (() => void)[] = [];
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      resolve({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out waiting for ${pattern}; stdout: ${out}; stderr: ${err}`));
      }, timeoutMs);
      const check = () => {
        if (pattern.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      listeners.push(check);
      void exited.then(() => {
        check();
        clearTimeout(timer);
        reject(new Error(`the build ended before ${pattern}; stdout: ${out}; stderr: ${err}`));
      });
      check();
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitFor };
}

/** A PDF is whole when it starts with %PDF- and ends with %%EOF. */
export function isWholePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString("latin1") === "%PDF-" && /%%EOF\s*$/.test(bytes.subarray(-32).toString("latin1"));
}
