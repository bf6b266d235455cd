// What the build tells the person watching it: a progress bar on a terminal, plain lines
// in CI or when piped, and a summary table at the end.

export interface Stream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Tally {
  built: number;
  skipped: number;
  failed: number;
  seconds: number;
}

export interface Progress {
  /** A document started printing. */
  start(name: string): void;
  /** A document finished: "built" with a short detail (its grade), or "failed". */
  done(name: string, outcome: "built" | "failed", detail: string): void;
  /** A message (a problem with a file): printed above the bar, never mixed into it. */
  message(line: string): void;
  /** Clears the bar, if any. */
  end(): void;
}

/** Plain lines for CI and pipes; a redrawn bar only on a terminal outside CI. */
export function useBar(stream: Stream, env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  return stream.isTTY === true && !ci && env.TERM !== "dumb";
}

export function plainProgress(out: Stream, err: Stream): Progress {
  return {
    start: () => undefined,
    done: (name, outcome, detail) => {
      (outcome === "built" ? out : err).write(`${outcome === "built" ? "built " : "FAILED"} ${name}${detail ? `  (${detail})` : ""}\n`);
    },
    message: (line) => void err.write(line + "\n"),
    end: () => undefined,
  };
}

/** The bar line: `[#####-----] 12/40  1 failed  now: name`, cut to the terminal's width. */
export function barLine(done: number, total: number, failed: number, current: string, width: number): string {
  const cells = 20;
  const filled = total === 0 ? cells : Math.round((done / total) * cells);
  const bar = `[${"#".repeat(filled)}${"-".repeat(cells - filled)}] ${done}/${total}`;
  const line = `${bar}${failed ? `  ${failed} failed` : ""}${current ? `  now: ${current}` : ""}`;
  return line.length > width - 1 ? line.slice(0, Math.max(0, width - 2)) + "…" : line;
}

export function barProgress(stream: Stream, total: number): Progress {
  let done = 0;
  let failed = 0;
  const active: string[] = [];
  let shown = false;
  const draw = () => {
    stream.write(
      `\r\x1b[2K${barLine(done, total, failed, active[active.length - 1] ?? "", stream.columns && stream.columns >= 20 ? stream.columns : 80)}`,
    );
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write("\r\x1b[2K");
    shown = false;
  };
  return {
    start(name) {
      active.push(name);
      draw();
    },
    done(name, outcome) {
      const i = active.indexOf(name);
      if (i >= 0) active.splice(i, 1);
      done++;
      if (outcome === "failed") failed++;
      draw();
    },
    message(line) {
      clear();
      stream.write(line + "\n");
      if (done < total) draw();
    },
    end: clear,
  };
}

/** The table printed at the end of every build. */
export function summaryTable(t: Tally): string {
  const rows: [string, string][] = [
    ["Built", String(t.built)],
    ["Skipped (unchanged)", String(t.skipped)],
    ["Failed", String(t.failed)],
    ["Time", `${t.seconds.toFixed(1)} s`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const v = Math.max(...rows.map(([, val]) => val.length));
  return rows.map(([k, val]) => `  ${k.padEnd(w)}  ${val.padStart(v)}`).join("\n") + "\n";
}
