// The chart of a scorecard's editions: score and coverage over time, as vector SVG drawn in
// code. It prints in black and white: the score is a solid line with filled dots and its
// grade written beside each dot, coverage a dashed line with open squares. Where the method
// changed, the lines are broken and a dashed rule says so, so a change in the rubric never
// reads as a rise or a fall.
// Its words come from the page's catalogue (messages/<lang>/hearing.yaml, editions.chart.*).
import { format, msg, type Messages, type Value } from "../i18n/message.ts";
import { messagesFor } from "../io/messages.ts";
import { escapeXml } from "../render/charts.ts";
import type { Figures } from "./editions.ts";

export interface ChartPoint {
  label: string;
  figures: Figures | undefined;
  /** The method differs from the point before: the lines are not joined across. */
  methodChangedBefore: boolean;
}

const W = 360;
const LEFT = 34;
const RIGHT = 14;
const TOP = 30;
const PLOT_H = 90;
const H = TOP + PLOT_H + 50;

const fmt = (n: number): string => n.toFixed(1);

/** A rough width of 9 px text, to place the second legend after the first in any language. */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- a rough width: counting code points is close enough, and Intl.Segmenter would be slow for no gain
const textWidth = (text: string): number => [...text].length * 4.4;

export function editionsChart(points: readonly ChartPoint[], messages: Messages = messagesFor("en")): string {
  const say = (id: string, values?: Record<string, Value>): string => format(messages, msg(`editions.chart.${id}`, values));
  const gradeText = (g: string): string => (g === "Incomplete" ? format(messages, msg("editions.grade-incomplete")) : g);
  const n = points.length;
  if (n === 0) return "";
  const step = n > 1 ? (W - LEFT - RIGHT) / (n - 1) : 0;
  const x = (i: number) => (n > 1 ? LEFT + i * step : (LEFT + W - RIGHT) / 2);
  const y = (percent: number) => TOP + PLOT_H - (Math.max(0, Math.min(100, percent)) / 100) * PLOT_H;
  const parts: string[] = [];

  // Axis: 0, 50 and 100%, with light rules.
  for (const v of [0, 50, 100]) {
    parts.push(`<path d="M${LEFT - 4} ${fmt(y(v))}H${W - RIGHT + 4}" stroke="#000" stroke-width="${v === 0 ? 0.8 : 0.3}" fill="none"/>`);
    parts.push(`<text x="${LEFT - 7}" y="${fmt(y(v) + 3)}" text-anchor="end">${escapeXml(say("axis", { n: v }))}</text>`);
  }

  // The lines, broken where the method changed or a point could not be scored.
  const segments = (value: (f: Figures) => number): string[][] => {
    const out: string[][] = [];
    let run: string[] = [];
    points.forEach((p, i) => {
      if (p.methodChangedBefore || !p.figures) {
        if (run.length) out.push(run);
        run = [];
      }
      if (p.figures) run.push(`${fmt(x(i))} ${fmt(y(value(p.figures)))}`);
    });
    if (run.length) out.push(run);
    return out.filter((r) => r.length > 1);
  };
  for (const run of segments((f) => f.coverage * 100)) {
    parts.push(`<path d="M${run.join("L")}" stroke="#000" stroke-width="1" stroke-dasharray="3 2" fill="none"/>`);
  }
  for (const run of segments((f) => f.percent)) parts.push(`<path d="M${run.join("L")}" stroke="#000" stroke-width="1.6" fill="none"/>`);

  points.forEach((p, i) => {
    const cx = x(i);
    if (p.methodChangedBefore && i > 0) {
      const mx = (x(i - 1) + cx) / 2;
      parts.push(
        `<path d="M${fmt(mx)} ${TOP - 8}V${TOP + PLOT_H}" stroke="#000" stroke-width="0.8" stroke-dasharray="1.5 2" fill="none"/>`,
      );
      parts.push(
        `<text x="${fmt(mx)}" y="${TOP - 11}" text-anchor="middle" class="chart-unknown">${escapeXml(say("method-changed"))}</text>`,
      );
    }
    // Dates alternate between two lines, so that many editions do not run into each other.
    const ly = TOP + PLOT_H + 14 + (n > 5 && i % 2 === 1 ? 11 : 0);
    parts.push(`<text x="${fmt(cx)}" y="${ly}" text-anchor="middle">${escapeXml(p.label)}</text>`);
    if (!p.figures) {
      parts.push(
        `<text x="${fmt(cx)}" y="${fmt(TOP + PLOT_H - 6)}" text-anchor="middle" class="chart-unknown">${escapeXml(say("not-scored"))}</text>`,
      );
      return;
    }
    const sy = y(p.figures.percent);
    const cy = y(p.figures.coverage * 100);
    parts.push(`<rect x="${fmt(cx - 2.5)}" y="${fmt(cy - 2.5)}" width="5" height="5" fill="#fff" stroke="#000" stroke-width="0.9"/>`);
    parts.push(`<circle cx="${fmt(cx)}" cy="${fmt(sy)}" r="3" fill="#000"/>`);
    parts.push(
      `<text x="${fmt(cx)}" y="${fmt(sy - 6)}" text-anchor="middle" class="chart-value">${escapeXml(say("value", { grade: gradeText(p.figures.grade), percent: Math.round(p.figures.percent * 10) / 10 }))}</text>`,
    );
  });

  // The legend, in words and marks; the second starts after the first, whatever its language.
  const ly = H - 8;
  const scoreWords = say("legend-score");
  const lx = LEFT + Math.max(190, Math.ceil(7 + textWidth(scoreWords) + 14));
  parts.push(`<circle cx="${LEFT}" cy="${ly - 3}" r="3" fill="#000"/><text x="${LEFT + 7}" y="${ly}">${escapeXml(scoreWords)}</text>`);
  parts.push(
    `<path d="M${lx} ${ly - 3}h24" stroke="#000" stroke-dasharray="3 2" fill="none"/><rect x="${lx + 9.5}" y="${ly - 5.5}" width="5" height="5" fill="#fff" stroke="#000" stroke-width="0.9"/><text x="${lx + 29}" y="${ly}">${escapeXml(say("legend-coverage"))}</text>`,
  );

  const summary = points
    .map((p) =>
      p.figures
        ? say("point", {
            label: p.label,
            grade: gradeText(p.figures.grade),
            percent: p.figures.percent,
            coverage: Math.round(p.figures.coverage * 10000) / 100,
          })
        : say("point-not-scored", { label: p.label }),
    )
    .join("; ");
  return (
    `<svg class="chart editions-chart" role="img" aria-label="${escapeXml(say("label", { points: summary }))}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">` +
    parts.join("") +
    `</svg>`
  );
}
