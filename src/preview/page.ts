// The pages of `scorecard preview`, as pure functions. The reload script lives only in the
// wrapper page; the scorecard document is served exactly as built, and may run no script.
import { formatProblem, type Problem } from "../errors.ts";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The page the browser opens: a status line, the scorecard in a frame, and the reload script. */
export function wrapperPage(display: string): string {
  const name = escapeHtml(display);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Preview: ${name}</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; background: #e9e9e9; }
  header { padding: 6px 12px; font-size: 14px; background: #222; color: #fff; }
  #status { margin-left: 1em; color: #bbb; }
  iframe { flex: 1; border: 0; width: 100%; background: #fff; }
</style>
<script src="/preview.js" defer></script>
</head>
<body>
<header>Preview of <strong>${name}</strong><span id="status">updates each time you save</span></header>
<iframe id="scorecard" title="Scorecard" src="/scorecard" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>
</body>
</html>
`;
}

/** Reloads the frame whenever the server announces a new version over Server-Sent Events. */
export const PREVIEW_SCRIPT = `"use strict";
(function () {
  var frame = document.getElementById("scorecard");
  var status = document.getElementById("status");
  var shown = null;
  var events = new EventSource("/events");
  events.addEventListener("version", function (e) {
    var version = e.data;
    if (shown !== null && version !== shown) {
      frame.src = "/scorecard?v=" + encodeURIComponent(version);
      status.textContent = "updated " + new Date().toLocaleTimeString();
    }
    shown = version;
  });
  events.onerror = function () { status.textContent = "not connected: is the preview still running?"; };
  events.onopen = function () { status.textContent = "updates each time you save"; };
})();
`;

/** Shown in the frame instead of the scorecard while the file has errors. */
export function errorPage(display: string, heading: string, problems: readonly Problem[], detail = ""): string {
  const items = problems.map((p) => `<li class="${p.severity}"><code>${escapeHtml(formatProblem(p))}</code></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Problems in ${escapeHtml(display)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2em; max-width: 60em; line-height: 1.4; }
  h1 { font-size: 1.4em; color: #a00; }
  li { margin: .5em 0; }
  li.warning { color: #555; }
  code { white-space: pre-wrap; word-break: break-word; font-size: 1em; }
</style>
</head>
<body>
<h1>${escapeHtml(heading)}</h1>
<p>Fix the lines below and save the file: this page updates by itself. Each line reads <code>file:line:column: what is wrong</code>.</p>
${detail ? `<p><code>${escapeHtml(detail)}</code></p>` : ""}
<ul>
${items}
</ul>
</body>
</html>
`;
}
