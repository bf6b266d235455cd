// Charts as inline SVG, drawn from the data in code. They are printed in black and white,
// so every bar carries a text label and a pattern; colour is never the only cue.
// Unknown values get no bar and the word "unknown", never a zero-length bar.

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Fill = "solid" | "hatch" | "cross" | "lines" | "dots" | "open";

/** One bar: a label, a count (or unknown), and the pattern that tells it apart in grayscale. */
export interface Bar {
  label: string;
  /** A count; or "unknown", drawn as a dashed box with the word (also for figures none reported). */
  value: number | "unknown";
  fill: Fill;
  /** The value in words, when it is not simply the number: "roughly 70", "none reported". */
  text?: string;
}

export interface BarGroup {
  title: string;
  bars: Bar[];
}

/**
 * The pattern inside one bar, drawn as plain vector lines clipped to the bar. (SVG <pattern>
 * fills print as one embedded image per bar: larger files and slower printing.)
 */
function patternShapes(fill: Fill, x: number, y: number, w: number, h: number): string {
  const lines: string[] = [];
  const seg = (x1: number, y1: number, x2: number, y2: number) =>
    lines.push(`M${x1.toFixed(1)} ${y1.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}`);
  if (fill === "hatch" || fill === "cross") {
    for (let k = -h; k < w; k += fill === "hatch" ? 3.5 : 5) {
      seg(x + k, y + h, x + k + h, y);
      if (fill === "cross") seg(x + k, y, x + k + h, y + h);
    }
  } else if (fill === "lines") {
    for (let k = 2; k < h; k += 3) seg(x, y + k, x + w, y + k);
  } else if (fill === "dots") {
    for (let dy = 2; dy < h; dy += 3.5) for (let dx = 2; dx < w; dx += 4) seg(x + dx, y + dy, x + dx + 0.01, y + dy);
  }
  if (lines.length === 0) return "";
  const width = fill === "hatch" ? 1.4 : fill === "dots" ? 1.6 : 1;
  return `<path d="${lines.join("")}" stroke="#000" stroke-width="${width}" stroke-linecap="${fill === "dots" ? "round" : "butt"}" fill="none"/>`;
}

function drawBar(fill: Fill, x: number, y: number, w: number, h: number, clipId: string): string {
  const box = `x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h}"`;
  if (fill === "solid") return `<rect ${box} fill="#333" stroke="#000" stroke-width="0.8"/>`;
  const inner = patternShapes(fill, x, y, w, h);
  const clipped = inner ? `<clipPath id="${clipId}"><rect ${box}/></clipPath><g clip-path="url(#${clipId})">${inner}</g>` : "";
  return `<rect ${box} fill="#fff"/>${clipped}<rect ${box} fill="none" stroke="#000" stroke-width="0.8"/>`;
}

const LABEL_W = 150;
const BAR_W = 150;
const ROW_H = 15;
const TITLE_H = 17;
const WIDTH = LABEL_W + BAR_W + 60;

/** Shortens a label so it cannot run into the bars; the full text is in the tables. */
function fit(label: string, max = 30): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * A horizontal bar chart, one group of bars per title. Each group has its own scale when
 * `scale` is "per-group" (operations of very different sizes), or one shared scale.
 * `idPrefix` keeps pattern ids unique when several charts share one page.
 */
export function barChart(groups: readonly BarGroup[], options: { idPrefix: string; label: string; scale: "shared" | "per-group" }): string {
  const p = options.idPrefix.replace(/[^a-z0-9-]/gi, "");
  const known = (bars: readonly Bar[]) => bars.map((b) => (b.value === "unknown" ? 0 : b.value));
  const sharedMax = Math.max(1, ...groups.flatMap((g) => known(g.bars)));
  const parts: string[] = [];
  let y = 0;
  let clips = 0;
  for (const group of groups) {
    const max = options.scale === "shared" ? sharedMax : Math.max(1, ...known(group.bars));
    if (group.title) {
      parts.push(`<text x="0" y="${y + 12}" class="chart-title">${escapeXml(fit(group.title, 80))}</text>`);
      y += TITLE_H;
    }
    for (const b of group.bars) {
      const mid = y + ROW_H / 2 + 3.5;
      parts.push(`<text x="0" y="${mid}">${escapeXml(fit(b.label))}</text>`);
      if (b.value === "unknown") {
        parts.push(
          `<rect x="${LABEL_W}" y="${y + 2}" width="40" height="${ROW_H - 4}" fill="none" stroke="#000" stroke-width="0.8" stroke-dasharray="2 2"/>`,
        );
        parts.push(`<text x="${LABEL_W + 45}" y="${mid}" class="chart-unknown">${escapeXml(b.text ?? "unknown")}</text>`);
      } else {
        const w = b.value === 0 ? 0 : Math.max(1.5, (b.value / max) * BAR_W);
        if (w > 0) parts.push(drawBar(b.fill, LABEL_W, y + 2, w, ROW_H - 4, `${p}-clip${clips++}`));
        parts.push(
          `<text x="${(LABEL_W + w + 4).toFixed(1)}" y="${mid}" class="chart-value">${escapeXml(b.text ?? String(b.value))}</text>`,
        );
      }
      y += ROW_H;
    }
    y += 5;
  }
  const height = Math.max(y, 10);
  return (
    `<svg class="chart" role="img" aria-label="${escapeXml(options.label)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    parts.join("") +
    `</svg>`
  );
}

// Block letters drawn as strokes, so the DRAFT mark is a picture, not text: it never
// mixes into the words that pdftotext or a screen reader takes from the page.
const LETTERS: Record<string, string> = {
  D: "M0 0L28 0Q50 0 50 35Q50 70 28 70L0 70Z",
  R: "M0 70L0 0L32 0Q50 0 50 18Q50 36 32 36L0 36M26 36L50 70",
  A: "M0 70L25 0L50 70M9 46L41 46",
  F: "M50 0L0 0L0 70M0 35L38 35",
  T: "M0 0L50 0M25 0L25 70",
  B: "M0 0L30 0Q48 0 48 17Q48 34 30 34L0 34M30 34Q50 34 50 52Q50 70 30 70L0 70L0 0",
  O: "M25 0Q50 0 50 35Q50 70 25 70Q0 70 0 35Q0 0 25 0Z",
};

/** Moves and turns a path of absolute M/L/Q/Z commands by working out the new points. */
function place(d: string, dx: number, degrees: number, cx: number, cy: number): string {
  const a = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const numbers: number[] = [];
  const out: string[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const x = numbers[i]! + dx - cx;
      const y = numbers[i + 1]! - cy;
      out.push(`${(cx + x * cos - y * sin).toFixed(1)} ${(cy + x * sin + y * cos).toFixed(1)}`);
    }
    numbers.length = 0;
  };
  for (const token of d.match(/[MLQZ]|-?[\d.]+/g) ?? []) {
    if (/[MLQZ]/.test(token)) {
      flush();
      out.push(token);
    } else numbers.push(Number(token));
  }
  flush();
  return out.join(" ");
}

/**
 * The word DRAFT as stroked outlines, no text, turned 30 degrees. The turn is worked out
 * here: Chromium repeats a fixed element on every printed page only if its SVG has no
 * transform attributes.
 */
export function draftMarkSvg(word = "DRAFT"): string {
  // A word in the page's language ("BORRADOR"), if every letter of it can be drawn; else DRAFT.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- each code point is looked up in LETTERS, which has plain capitals only: any other character (an accent, a part of an emoji) makes the word fall back to DRAFT, as it should
  const letters = [...word.toUpperCase()].every((ch) => ch in LETTERS) && word.length > 0 ? [...word.toUpperCase()] : [..."DRAFT"];
  const length = letters.length * 68 - 18;
  const cx = length / 2;
  const paths = letters.map((ch, i) => `<path d="${place(LETTERS[ch]!, i * 68, -30, cx, 35)}"/>`).join("");
  // The box of DRAFT as it always was; a longer word gets the box of its turned outline.
  const box = letters.join("") === "DRAFT" ? "-15 -135 360 335" : viewBoxFor(length, cx);
  return (
    `<svg class="draft-svg" aria-hidden="true" viewBox="${box}" xmlns="http://www.w3.org/2000/svg">` +
    `<g fill="none" stroke="#000" stroke-width="7" stroke-linejoin="round" stroke-linecap="round">${paths}</g></svg>`
  );
}

/** The box around a line of letters `length` wide and 70 high, turned 30 degrees about its centre, with a margin. */
function viewBoxFor(length: number, cx: number): string {
  const halfWidth = (length / 2) * Math.cos(Math.PI / 6) + 35 * Math.sin(Math.PI / 6) + 15;
  const halfHeight = (length / 2) * Math.sin(Math.PI / 6) + 35 * Math.cos(Math.PI / 6) + 15;
  return [cx - halfWidth, 35 - halfHeight, 2 * halfWidth, 2 * halfHeight].map((n) => n.toFixed(1)).join(" ");
}
