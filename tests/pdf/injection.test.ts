// A hostile or careless editor puts markup, local file addresses, remote images and
// javascript: links into every text field. The scorecard must show them as plain text:
// no script runs, no request is made, nothing is read from disk, nothing becomes a link.
import type { Browser } from "puppeteer-core";
import { getAnnotations, getDocumentProxy } from "../pdf-reader.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskForce } from "../../src/model.ts";
import { printPdf } from "../../src/pdf/print.ts";
import { fixture } from "../helpers.ts";
import { loadTaskForce, lockedPage, pageTexts, render, startBrowser } from "./setup.ts";

const PAYLOAD = `<script>document.title='PWNED'</script><img src=file:///etc/passwd><img src="http://127.0.0.1:9/tracker.png"><a href="javascript:alert(1)">click me</a>`;

/** Fields whose values the schema limits to a fixed list or format; every other string is free text. */
const NOT_TEXT = new Set([
  "id",
  "sources",
  "sector",
  "role",
  "votes",
  "type",
  "kind",
  "status",
  "date",
  "as_of",
  "last_reviewed",
  "url",
  "fictional",
  "schema_version",
  "currency",
]);

/** Puts the payload into every free-text string of the task force, and returns how many. */
function poison(value: unknown, key = ""): { value: unknown; count: number } {
  if (typeof value === "string") {
    if (NOT_TEXT.has(key) || ["yes", "no", "unknown"].includes(value)) return { value, count: 0 };
    return { value: `${value} ${PAYLOAD}`, count: 1 };
  }
  if (Array.isArray(value)) {
    let count = 0;
    const out = value.map((v) => {
      const r = poison(v, key);
      count += r.count;
      return r.value;
    });
    return { value: out, count };
  }
  if (value && typeof value === "object") {
    let count = 0;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = poison(v, k);
      count += r.count;
      out[k] = r.value;
    }
    return { value: out, count };
  }
  return { value, count: 0 };
}

function hostile(): { tf: TaskForce; count: number } {
  const base = loadTaskForce(fixture("valid", "example-county.yaml"));
  const { value, count } = poison(base);
  const tf = value as TaskForce;
  // Addresses that are not http(s), and one that tries to break out of the attribute.
  tf.sources[0]!.url = "javascript:alert(1)";
  tf.sources[1]!.url = `https://example.org/"><script>alert(1)</script>`;
  tf.sources[2]!.url = "file:///etc/passwd";
  return { tf, count };
}

describe("hostile text in every field", () => {
  const { tf, count } = hostile();
  const { html } = render(tf);

  it("reaches many fields", () => {
    expect(count).toBeGreaterThan(20);
  });

  it("is escaped in the HTML: no tag, no script, no link but http(s)", () => {
    const body = html.slice(html.indexOf("<body>"));
    expect(body).not.toMatch(/<script|<img|<iframe|<object/i);
    for (const m of body.matchAll(/<a\s+href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\/[^\s"'<>]+$/);
    expect(body).not.toMatch(/href="javascript:/i);
    // No element has a src attribute (attribute values, where escaped text may say src=, are blanked first).
    expect(body.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z]+\s[^>]*\bsrc=/i);
    // The head too: the title and meta tags carry the name.
    const head = html.slice(0, html.indexOf("<body>"));
    expect(head.match(/<script/gi)).toBeNull();
  });

  let browser: Browser | undefined;
  let pdf: Uint8Array;
  let blocked: string[];
  beforeAll(async () => {
    browser = await startBrowser();
    const locked = await lockedPage(browser);
    blocked = locked.blocked;
    pdf = await printPdf(locked.page, html, { format: "Letter" });
    await locked.page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("prints as visible, inert text", async () => {
    const text = (await pageTexts(pdf)).join(" ");
    expect(text).toContain("<script>document.title='PWNED'</script>");
    expect(text).toContain("<img src=file:///etc/passwd>");
    expect(text).toContain(`<img src="http://127.0.0.1:9/tracker.png">`);
    expect(text).toContain(`<a href="javascript:alert(1)">click me</a>`);
    expect(text).not.toMatch(/root:x:0:0/);
  });

  it("makes no request at all", () => {
    expect(blocked).toEqual([]);
  });

  it("links nothing but http(s) addresses", async () => {
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const links: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      for (const a of await getAnnotations(doc, p)) if (a.subtype === "Link") links.push(a.url ?? a.unsafeUrl ?? "");
    }
    for (const url of links) {
      expect(url).toMatch(/^https?:\/\//);
      expect(url).not.toMatch(/javascript|127\.0\.0\.1|file:/i);
    }
  });

  it("keeps a hostile name from changing the page margins' CSS", async () => {
    const tf2 = loadTaskForce(fixture("valid", "example-county.yaml"));
    tf2.name = `x"; } body { display: none } @page { @bottom-right { content: "HIJACKED"; } } .y { content: "`;
    const locked = await lockedPage(browser!);
    const out = await printPdf(locked.page, render(tf2).html, { format: "Letter" });
    await locked.page.close();
    const pages = await pageTexts(out);
    // The body is still shown and the page numbers are still in their margin box.
    expect(pages[0]).toContain("Key facts");
    for (const [i, text] of pages.entries()) expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
  });
});

describe("the locked-down page itself", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs no script, blocks http and reads no local file, even from trusted markup", async () => {
    const { page, blocked } = await lockedPage(browser!);
    const html = `<!DOCTYPE html><html><head><title>t</title><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>
      <p id="p">original text</p>
      <script>document.getElementById("p").textContent = "SCRIPT RAN";</script>
      <img src="http://127.0.0.1:9/x.png"><img src="file:///etc/passwd">
      <iframe src="file:///etc/passwd"></iframe><object data="file:///etc/hostname"></object>
      <div style="background: url(http://127.0.0.1:9/bg.png)">bg</div>
    </body></html>`;
    const pdf = await printPdf(page, html, { format: "Letter" });
    const text = (await pageTexts(pdf)).join(" ");
    expect(text).toContain("original text");
    expect(text).not.toContain("SCRIPT RAN");
    expect(text).not.toMatch(/root:x:0:0/);
    expect(blocked.some((u) => u.startsWith("http://127.0.0.1:9/"))).toBe(true);
    expect(blocked.every((u) => !u.startsWith("data:"))).toBe(true);
    // The same page prints the next document with nothing left over from this one.
    const next = await printPdf(page, `<!DOCTYPE html><html><head><title>second</title></head><body><p>second document</p></body></html>`, {
      format: "Letter",
    });
    const nextText = (await pageTexts(next)).join(" ");
    expect(nextText).toContain("second document");
    expect(nextText).not.toContain("original text");
    await page.close();
  });
});
