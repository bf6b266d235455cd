import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { BrowserNotFoundError } from "../errors.ts";

export interface FoundBrowser {
  executablePath: string;
  /** Where it was found, for messages. */
  origin: "PUPPETEER_EXECUTABLE_PATH" | "puppeteer cache" | "PATH" | "usual location";
  /** chrome-headless-shell takes the old headless mode. */
  headlessShell: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const PATH_NAMES = [
  "chromium-headless-shell",
  "chrome-headless-shell",
  "chromium",
  "chromium-browser",
  "google-chrome-stable",
  "google-chrome",
  "chrome",
];

const USUAL_LOCATIONS: Record<string, string[]> = {
  linux: [
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/lib/chromium/chromium",
    "/usr/lib/chromium-browser/chromium-browser",
    "/opt/google/chrome/chrome",
    "/snap/bin/chromium",
  ],
  darwin: ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"],
  win32: ["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe"],
};

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const describe = (executablePath: string, origin: FoundBrowser["origin"]): FoundBrowser => ({
  executablePath,
  origin,
  headlessShell: /headless[-_]shell/i.test(executablePath),
});

/** Browsers that Puppeteer downloaded into its cache, newest first. */
function puppeteerCache(env: Env): string[] {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer");
  const found: string[] = [];
  for (const product of ["chrome-headless-shell", "chrome"]) {
    const dir = join(cacheDir, product);
    if (!existsSync(dir)) continue;
    let versions: string[];
    try {
      versions = readdirSync(dir).sort().reverse();
    } catch {
      continue;
    }
    for (const v of versions) {
      for (const sub of [
        "chrome-headless-shell-linux64/chrome-headless-shell",
        "chrome-linux64/chrome",
        "chrome-headless-shell-mac-x64/chrome-headless-shell",
        "chrome-headless-shell-mac-arm64/chrome-headless-shell",
      ]) {
        const p = join(dir, v, sub);
        if (isExecutable(p)) found.push(p);
      }
    }
  }
  return found;
}

/**
 * Looks for a browser in this order: PUPPETEER_EXECUTABLE_PATH, a browser Puppeteer
 * downloaded, a Chrome or Chromium on the PATH, then the usual install locations.
 */
export function findBrowser(
  env: Env = process.env,
  usualLocations: readonly string[] = USUAL_LOCATIONS[platform()] ?? [],
): FoundBrowser | undefined {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return describe(explicit, "PUPPETEER_EXECUTABLE_PATH");
    throw new BrowserNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, but there is no browser there. Fix the path, or unset it to let the scorecard tool find one.`,
    );
  }
  const cached = puppeteerCache(env)[0];
  if (cached) return describe(cached, "puppeteer cache");
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const p = join(dir, platform() === "win32" ? `${name}.exe` : name);
      if (isExecutable(p)) return describe(resolveDebianWrapper(p), "PATH");
    }
  }
  for (const p of usualLocations) if (isExecutable(p)) return describe(p, "usual location");
  return undefined;
}

/**
 * Debian's /usr/bin/chromium and /usr/bin/chromium-headless-shell are shell wrappers that
 * start the real binary as a child. The binary itself starts faster, and killing it really
 * stops the browser.
 */
function resolveDebianWrapper(path: string): string {
  const real = `/usr/lib/chromium/${basename(path)}`;
  return dirname(path) === "/usr/bin" && isExecutable(real) ? real : path;
}

const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

function isDebianLike(): boolean {
  try {
    const osRelease = readFileSync("/etc/os-release", "utf8");
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

/** The one command that installs a browser on this kind of machine. */
export function installHint(): string {
  if (platform() === "linux" && isDebianLike())
    return "sudo apt-get install -y chromium-headless-shell   (or: sudo apt-get install -y chromium)";
  if (platform() === "darwin") return "brew install --cask google-chrome";
  return "install Google Chrome or Chromium, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium you already have";
}

export function noBrowserMessage(): string {
  return [
    "No Chrome or Chromium browser was found, and one is needed to print PDF scorecards.",
    `Install one with:  ${installHint()}`,
    "Or point to a browser you already have with PUPPETEER_EXECUTABLE_PATH=/path/to/chrome.",
  ].join("\n");
}

/**
 * Finds a browser, or installs Debian's chromium-headless-shell when running as root on
 * Debian or Ubuntu. Throws BrowserNotFoundError with the install command otherwise.
 */
export function ensureBrowser(env: Env, say: (line: string) => void, usualLocations?: readonly string[]): FoundBrowser {
  const found = findBrowser(env, usualLocations);
  if (found) return found;
  if (platform() === "linux" && isRoot() && isDebianLike() && env.SCORECARD_NO_INSTALL !== "1") {
    say(
      "scorecard: no browser found. Installing chromium-headless-shell from Debian's packages with apt-get (this takes about 30 seconds)...",
    );
    const opts = {
      stdio: ["ignore", "ignore", "pipe"] as ("ignore" | "pipe")[],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    };
    spawnSync("apt-get", ["update", "-qq"], opts);
    const result = spawnSync("apt-get", ["install", "-y", "-qq", "chromium-headless-shell"], opts);
    if (result.status !== 0) {
      say("scorecard: chromium-headless-shell could not be installed; trying chromium...");
      spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], opts);
    }
    const after = findBrowser(env, usualLocations);
    if (after) {
      say(`scorecard: installed a browser at ${after.executablePath}.`);
      return after;
    }
  }
  throw new BrowserNotFoundError(noBrowserMessage());
}

/** The postinstall entry: reports what it found or did, and never throws. */
export function ensureBrowserCli(env: Env, say: (line: string) => void): void {
  try {
    const found = ensureBrowser(env, say);
    say(`scorecard: PDFs will be printed with ${found.executablePath} (found via ${found.origin}).`);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
  }
}
