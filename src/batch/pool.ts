// One browser and a pool of reused, locked-down pages. Starts the browser only when a page
// is first needed, starts a new one if Chromium crashes or is killed, and can kill it at once
// (with every child process) when the build is interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import type { Browser, Page } from "puppeteer-core";
import { UserError } from "../errors.ts";

export interface PoolOptions {
  launch: () => Promise<Browser>;
  /** Prepares a new page once (for example: no JavaScript, no network). */
  prepare: (page: Page) => Promise<void>;
  /** How many pages, and so how many documents at once. */
  size: number;
  /** How many times a crashed browser is started again before giving up. */
  maxRelaunches?: number;
}

export class RenderTimeoutError extends Error {
  constructor(seconds: number) {
    super(`rendering took longer than ${seconds} seconds and was stopped`);
    this.name = "RenderTimeoutError";
  }
}

export class BrowserGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BrowserGoneError";
  }
}

interface Slot {
  page: Page | undefined;
  /** The browser generation the page belongs to. */
  generation: number;
  busy: boolean;
}

export class PagePool {
  #browser: Browser | undefined;
  #starting: Promise<Browser> | undefined;
  #generation = 0;
  #relaunches = 0;
  #closed = false;
  readonly #slots: Slot[];
  readonly #waiting: ((slot: Slot) => void)[] = [];
  /** Per browser process id: the watchdog that kills it if this process dies. */
  readonly #watchdogs = new Map<number, ChildProcess | undefined>();
  /** Every browser process id this pool started, for tests and for clean-up. */
  readonly launchedPids: number[] = [];
  /** How many browsers this pool started. */
  launches = 0;

  constructor(private readonly options: PoolOptions) {
    this.#slots = Array.from({ length: Math.max(1, options.size) }, () => ({ page: undefined, generation: -1, busy: false }));
  }

  /** Runs `job` on a free page. Retries once on a fresh browser if the browser died under it. */
  async run<T>(job: (page: Page) => Promise<T>, timeoutMs: number): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const slot = await this.#acquire();
      const generation = this.#generation;
      try {
        const page = await this.#pageFor(slot);
        return await withTimeout(job(page), timeoutMs);
      } catch (error) {
        // No browser to start (and none could be installed) is the user's to fix: no retry.
        if (error instanceof UserError) throw error;
        if (this.#closed) throw new BrowserGoneError("the build was stopped");
        if (error instanceof RenderTimeoutError) {
          // The page may be stuck: drop it and let the slot make a new one.
          this.#discard(slot);
          throw error;
        }
        if (this.#browser?.connected && generation === this.#generation) throw error;
        // The browser crashed or was killed: start a new one and try again.
        this.#discard(slot);
        this.#browserDied(generation);
        if (attempt >= 1) throw new BrowserGoneError("the browser stopped twice while printing this document");
      } finally {
        this.#release(slot);
      }
    }
  }

  /** Closes the browser politely, then makes sure no process is left. */
  async close(): Promise<void> {
    this.#closed = true;
    const browser = this.#browser;
    this.#browser = undefined;
    if (!browser) return;
    const timer = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([browser.close().catch(() => undefined), timer]);
    killTree(browser);
    this.#stopWatchdogs();
  }

  /** Kills the browser and every process it started, synchronously. For signal handlers. */
  kill(): void {
    this.#closed = true;
    if (this.#browser) killTree(this.#browser);
    this.#browser = undefined;
    this.#stopWatchdogs();
  }

  /** Stops the watchdogs of browsers that are gone, so none can kill a later process that reuses the id. */
  #stopWatchdogs(only?: number): void {
    for (const [pid, w] of this.#watchdogs) {
      if (only !== undefined && pid !== only) continue;
      this.#watchdogs.delete(pid);
      try {
        w?.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }

  async #browserNow(): Promise<Browser> {
    if (this.#closed) throw new BrowserGoneError("the build was stopped");
    if (this.#browser?.connected) return this.#browser;
    if (!this.#starting) {
      if (this.launches > 0 && ++this.#relaunches > (this.options.maxRelaunches ?? 3)) {
        throw new BrowserGoneError("the browser kept stopping, so the remaining documents were not printed");
      }
      this.#starting = this.options.launch().then(
        (browser) => {
          this.launches++;
          this.#generation++;
          const pid = browser.process()?.pid;
          if (pid !== undefined) {
            this.launchedPids.push(pid);
            this.#watchdogs.set(pid, watchdog(pid));
          }
          this.#browser = browser;
          this.#starting = undefined;
          if (this.#closed) killTree(browser);
          return browser;
        },
        (error: unknown) => {
          this.#starting = undefined;
          throw error;
        },
      );
    }
    return this.#starting;
  }

  async #pageFor(slot: Slot): Promise<Page> {
    const browser = await this.#browserNow();
    if (slot.page && slot.generation === this.#generation && !slot.page.isClosed()) return slot.page;
    const generation = this.#generation;
    const page = await browser.newPage();
    await this.options.prepare(page);
    slot.page = page;
    slot.generation = generation;
    return page;
  }

  #discard(slot: Slot): void {
    const page = slot.page;
    slot.page = undefined;
    if (page && !page.isClosed()) void page.close().catch(() => undefined);
  }

  #browserDied(generation: number): void {
    if (generation !== this.#generation || !this.#browser) return;
    // Kill what is left of it (renderers, zygote) before starting another.
    killTree(this.#browser);
    const pid = this.#browser.process()?.pid;
    if (pid !== undefined) this.#stopWatchdogs(pid);
    this.#browser = undefined;
  }

  async #acquire(): Promise<Slot> {
    const free = this.#slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return free;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }
}

/**
 * If this process is killed outright (kill -9), nothing here runs, and Chromium, started in its
 * own process group, would live on. So a tiny shell waits on a pipe from us: when we die, the
 * pipe closes and it kills the browser's group. Linux and macOS only.
 */
function watchdog(pid: number): ChildProcess | undefined {
  if (process.platform === "win32") return undefined;
  try {
    const child = spawn("/bin/sh", ["-c", `read _ignored; kill -9 -${pid} 2>/dev/null`], {
      detached: true,
      stdio: ["pipe", "ignore", "ignore"],
    });
    child.on("error", () => undefined);
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    return child;
  } catch {
    return undefined;
  }
}

/** Kills the browser's whole process group: puppeteer starts it detached, as a group leader. */
function killTree(browser: Browser): void {
  const proc = browser.process();
  const pid = proc?.pid;
  if (pid === undefined || proc?.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    try {
      proc.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms) || ms <= 0) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new RenderTimeoutError(Math.round(ms / 100) / 10));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
