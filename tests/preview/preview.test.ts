import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "../pdf-reader.ts";
import { RUBRIC_FILE, TEMPLATES_DIR } from "../../src/cli/context.ts";
import { previewCommand } from "../../src/cli/commands/preview.ts";
import { errorPage, escapeHtml } from "../../src/preview/page.ts";
import { startPreview, type PreviewServer } from "../../src/preview/server.ts";
import { fixture, readFixture, tempDir } from "../helpers.ts";
import { openEvents, type EventStream } from "./sse.ts";

const BASE = readFixture("valid", "example-county.yaml");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(text = BASE): Promise<{ server: PreviewServer; file: string; events: EventStream }> {
  const dir = tempDir();
  const file = join(dir, "example.yaml");
  writeFileSync(file, text);
  const server = await startPreview({
    file,
    display: "scorecards/example.yaml",
    port: 0,
    rubricFile: RUBRIC_FILE,
    templatesDir: TEMPLATES_DIR,
    config: undefined,
    today: "2030-01-01",
    pdf: undefined,
    log: () => undefined,
  });
  cleanups.push(() => server.close());
  const events = await openEvents(`${server.url}events`);
  cleanups.push(() => {
    events.close();
  });
  return { server, file, events };
}

describe("scorecard preview", () => {
  it("serves the scorecard, and reloads it after each save (SSE announces, new content is served)", async () => {
    const { server, file, events } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const wrapper = await fetch(server.url);
    expect(wrapper.status).toBe(200);
    const wrapperHtml = await wrapper.text();
    expect(wrapperHtml).toContain('<script src="/preview.js"');
    expect(wrapperHtml).toContain('src="/scorecard"');
    expect(wrapper.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await (await fetch(`${server.url}preview.js`)).text()).toContain('new EventSource("/events")');

    const first = await fetch(`${server.url}scorecard`);
    const firstHtml = await first.text();
    expect(firstHtml).toContain("Example County Task Force");
    // The scorecard document is served as built: no reload script injected, and no script may run.
    expect(firstHtml).not.toContain("EventSource");
    expect(firstHtml).not.toContain("preview.js");
    expect(first.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const v1 = await events.versionAbove(0);

    writeFileSync(file, BASE.replace("name: Example County Task Force", "name: Renamed Example Task Force"));
    const v2 = await events.versionAbove(v1);
    const second = await (await fetch(`${server.url}scorecard`)).text();
    expect(second).toContain("Renamed Example Task Force");
    expect(second).not.toContain("<title>Example County Task Force");
    expect(second).toContain("<title>Renamed Example Task Force");
    expect(server.version()).toBe(v2);
  });

  it("shows the validation errors, escaped, while the file is invalid, and the scorecard again once fixed", async () => {
    const { server, file, events } = await start();
    const v1 = await events.versionAbove(0);
    writeFileSync(file, BASE.replace("officers_deployed: 12", 'officers_deployed: "<img src=x onerror=alert(1)>"'));
    const v2 = await events.versionAbove(v1);
    const bad = await (await fetch(`${server.url}scorecard`)).text();
    expect(bad).toMatch(/scorecards\/example\.yaml:\d+:\d+: officers_deployed must be a whole number/);
    expect(bad).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(bad).not.toContain("<img");
    expect(await (await fetch(`${server.url}version`)).json()).toEqual({ version: v2, ok: false });

    writeFileSync(file, "name: [unclosed\n");
    const v3 = await events.versionAbove(v2);
    expect(await (await fetch(`${server.url}scorecard`)).text()).toMatch(/scorecards\/example\.yaml:\d+:\d+: YAML syntax error/);

    writeFileSync(file, BASE);
    await events.versionAbove(v3);
    expect(await (await fetch(`${server.url}scorecard`)).text()).toContain("Example County Task Force");
  });

  it("answers only requests addressed to this machine by name, and only GET", async () => {
    const { server } = await start();
    const port = new URL(server.url).port;
    const status = (headers: Record<string, string>, method = "GET") =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/scorecard", method, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status({ host: "attacker.example" })).toBe(403);
    expect(await status({ host: `localhost:${port}` })).toBe(200);
    expect(await status({ host: `127.0.0.1:${port}` }, "POST")).toBe(405);
    expect((await fetch(`${server.url}../../etc/passwd`)).status).toBe(404);
  });

  it("stops cleanly: the port is closed afterwards", async () => {
    const { server, events } = await start();
    events.close();
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });
});

describe("the preview pages", () => {
  it("escape every problem message and file name", () => {
    const html = errorPage("<b>x</b>.yaml", "Problems", [
      {
        file: "<b>x</b>.yaml",
        line: 3,
        col: 4,
        code: "schema-type",
        severity: "error",
        message: "name must be text, not '<script>alert(1)</script>'",
      },
    ]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;.yaml:3:4: name must be text");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});

describe("scorecard preview (the command)", () => {
  it("keeps output/<name>.pdf up to date with --pdf, and stops when asked", async () => {
    const dir = tempDir({ "scorecards/example.yaml": fixture("valid", "example-county.yaml") });
    let stdout = "";
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: dir, env: process.env };
    const done = previewCommand(["--port", "0", "--pdf"], io, () => stopped);
    const pdf = join(dir, "output", "example.pdf");
    const pdfText = async () => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(pdf))), { mergePages: true })).text;
    const waitFor = async (ok: () => Promise<boolean>) => {
      for (let i = 0; i < 400 && !(await ok().catch(() => false)); i++) await new Promise((r) => setTimeout(r, 100));
    };
    await waitFor(() => Promise.resolve(existsSync(pdf)));
    expect(await pdfText()).toContain("Example County Task Force");
    expect(stdout).toMatch(/open http:\/\/127\.0\.0\.1:\d+\//);
    writeFileSync(
      join(dir, "scorecards", "example.yaml"),
      BASE.replace("name: Example County Task Force", "name: Renamed Example Task Force"),
    );
    await waitFor(async () => (await pdfText()).includes("Renamed Example Task Force"));
    expect(await pdfText()).toContain("Renamed Example Task Force");
    stop();
    expect(await done).toBe(0);
    expect(stdout).toContain("Preview stopped.");
  });

  it("refuses a missing file, a folder, a bad port, and a busy port, in plain words", async () => {
    const dir = tempDir({
      "scorecards/a.yaml": fixture("valid", "example-county.yaml"),
      "scorecards/b.yaml": fixture("valid", "example-county.yaml"),
    });
    const { cli } = await import("../helpers.ts");
    expect((await cli(["preview", "nope.yaml"], { cwd: dir })).stderr).toMatch(/nope\.yaml: no such file/);
    expect((await cli(["preview", "scorecards"], { cwd: dir })).stderr).toMatch(/is a folder/);
    expect((await cli(["preview", "--port", "http"], { cwd: dir })).stderr).toMatch(/--port must be a number/);
    expect((await cli(["preview"], { cwd: dir })).stderr).toMatch(
      /name the file to preview.*\nFiles found: scorecards\/a\.yaml, scorecards\/b\.yaml/,
    );
    const { server } = await start();
    const busy = await cli(["preview", "scorecards/a.yaml", "--port", new URL(server.url).port], { cwd: dir });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/already in use/);
  });

  it("runs as a real process and shuts down cleanly on Ctrl+C (SIGINT)", async () => {
    const dir = tempDir({ "scorecards/example.yaml": fixture("valid", "example-county.yaml") });
    const bin = join(import.meta.dirname, "../../bin/scorecard.js");
    const child = spawn(process.execPath, [bin, "preview", "scorecards/example.yaml", "--port", "0"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanups.push(() => child.exitCode === null && child.kill("SIGKILL"));
    let out = "";
    child.stdout.setEncoding("utf8");
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => {
        reject(new Error(`preview exited early with ${code}`));
      });
    });
    expect(await (await fetch(`${url}scorecard`)).text()).toContain("Example County Task Force");
    const events = await openEvents(`${url}events`);
    await events.versionAbove(0);
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => {
        resolve(code);
      }),
    );
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out).toContain("Preview stopped.");
    events.close();
  });
});
