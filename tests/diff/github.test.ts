import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMENT_MARKER } from "../../src/diff/format.ts";
import { MAX_COMMENT, postPullRequestComment } from "../../src/diff/github.ts";
import { tempDir } from "../helpers.ts";

interface Call {
  method: string;
  url: string;
  body: string | undefined;
}

/** A stand-in for GitHub's REST API that records every call. */
function fakeGitHub(comments: { id: number; body: string; user: { type: string } }[], writeStatus = 200) {
  const calls: Call[] = [];
  const fetchImpl = ((url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    calls.push({ method, url, body: init?.body as string | undefined });
    if (method === "GET") return Promise.resolve(new Response(JSON.stringify(comments), { status: 200 }));
    return Promise.resolve(new Response("{}", { status: writeStatus }));
  }) as typeof fetch;
  return { calls, fetchImpl };
}

function event(head = "owner/repo", base = "owner/repo"): string {
  const path = join(tempDir(), "event.json");
  writeFileSync(
    path,
    JSON.stringify({ pull_request: { number: 7, head: { repo: { full_name: head } }, base: { repo: { full_name: base } } } }),
  );
  return path;
}

const env = (extra: Record<string, string> = {}) => ({
  GITHUB_TOKEN: "token",
  GITHUB_API_URL: "http://api.test",
  GITHUB_REPOSITORY: "owner/repo",
  GITHUB_EVENT_PATH: event(),
  ...extra,
});

const BODY = `${COMMENT_MARKER}\n## Scorecard changes\n`;

describe("the pull-request comment", () => {
  it("posts a new comment when there is none", async () => {
    const gh = fakeGitHub([{ id: 1, body: "LGTM", user: { type: "User" } }]);
    const msg = await postPullRequestComment(BODY, env(), gh.fetchImpl);
    expect(msg).toMatch(/posted/);
    expect(gh.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET http://api.test/repos/owner/repo/issues/7/comments?per_page=100&page=1",
      "POST http://api.test/repos/owner/repo/issues/7/comments",
    ]);
    expect((JSON.parse(gh.calls[1]!.body!) as { body: string }).body).toBe(BODY);
  });

  it("edits the comment it posted before, found by the hidden marker, and ignores a person's copy of the marker", async () => {
    const gh = fakeGitHub([
      { id: 5, body: `${COMMENT_MARKER} pasted by a person`, user: { type: "User" } },
      { id: 9, body: `${COMMENT_MARKER}\nold`, user: { type: "Bot" } },
    ]);
    const msg = await postPullRequestComment(BODY, env(), gh.fetchImpl);
    expect(msg).toMatch(/updated/);
    expect(gh.calls[1]).toMatchObject({ method: "PATCH", url: "http://api.test/repos/owner/repo/issues/comments/9" });
  });

  it("falls back to the summary for fork pull requests, without calling GitHub", async () => {
    const gh = fakeGitHub([]);
    const msg = await postPullRequestComment(BODY, env({ GITHUB_EVENT_PATH: event("someone/fork") }), gh.fetchImpl);
    expect(msg).toMatch(/fork.*job summary/);
    expect(gh.calls).toHaveLength(0);
  });

  it("does not fail when the token is read-only, the API is down, or this is not a pull request", async () => {
    const readOnly = fakeGitHub([], 403);
    expect(await postPullRequestComment(BODY, env(), readOnly.fetchImpl)).toMatch(/403.*job summary/);
    const down = (() => Promise.reject(new Error("connection refused"))) as unknown as typeof fetch;
    expect(await postPullRequestComment(BODY, env(), down)).toMatch(/could not be reached/);
    expect(await postPullRequestComment(BODY, { ...env(), GITHUB_EVENT_PATH: "" })).toMatch(/not for a pull request/);
    expect(await postPullRequestComment(BODY, env({ GITHUB_REPOSITORY: "../../evil" }))).toMatch(/missing/);
  });

  it("cuts a comment that is too long for GitHub", async () => {
    const gh = fakeGitHub([]);
    await postPullRequestComment(BODY + "x".repeat(MAX_COMMENT * 2), env(), gh.fetchImpl);
    const sent = (JSON.parse(gh.calls[1]!.body!) as { body: string }).body;
    expect(sent.length).toBeLessThan(65_536);
    expect(sent.startsWith(COMMENT_MARKER)).toBe(true);
    expect(sent).toMatch(/cut short/);
  });
});
