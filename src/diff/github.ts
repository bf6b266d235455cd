// The one place that talks to GitHub: posts the diff as a pull-request comment, or edits
// the one posted before (found by its hidden marker). Best effort: it never fails the job.
import { readFileSync } from "node:fs";
import { COMMENT_MARKER } from "./format.ts";

/** GitHub refuses comments longer than 65,536 characters. */
export const MAX_COMMENT = 65_000;

type Env = Readonly<Record<string, string | undefined>>;
type Fetch = typeof fetch;

interface PullRequest {
  number: number;
  fork: boolean;
}

function readPullRequest(env: Env): PullRequest | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as {
      pull_request?: { number?: unknown; head?: { repo?: { full_name?: unknown } }; base?: { repo?: { full_name?: unknown } } };
    };
    const pr = event.pull_request;
    if (!pr || !Number.isSafeInteger(pr.number)) return undefined;
    return { number: pr.number as number, fork: pr.head?.repo?.full_name !== pr.base?.repo?.full_name };
  } catch {
    return undefined;
  }
}

export function commentBody(markdown: string): string {
  if (markdown.length <= MAX_COMMENT) return markdown;
  return `${markdown.slice(0, MAX_COMMENT)}\n\n… (cut short: the full list is in the job summary of this run.)\n`;
}

/** Posts or updates the comment; returns one plain line saying what happened. */
export async function postPullRequestComment(markdown: string, env: Env, fetchImpl: Fetch = fetch): Promise<string> {
  const skip = (why: string) => `scorecard: no pull-request comment: ${why} The diff is in the job summary.`;
  const pr = readPullRequest(env);
  if (!pr) return skip("this run is not for a pull request.");
  if (pr.fork) return skip("the pull request comes from a fork, whose token cannot write comments.");
  const { GITHUB_TOKEN: token, GITHUB_API_URL: api, GITHUB_REPOSITORY: repo } = env;
  if (!token) return skip("GITHUB_TOKEN is not set.");
  if (!api || !/^https?:\/\//.test(api) || !repo || !/^[\w.-]+\/[\w.-]+$/.test(repo))
    return skip("GITHUB_API_URL or GITHUB_REPOSITORY is missing.");
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    "user-agent": "task-force-scorecard",
    "x-github-api-version": "2022-11-28",
  };
  const body = JSON.stringify({ body: commentBody(markdown) });
  try {
    let existing: number | undefined;
    for (let page = 1; page <= 20 && existing === undefined; page++) {
      const res = await fetchImpl(`${api}/repos/${repo}/issues/${pr.number}/comments?per_page=100&page=${page}`, { headers });
      if (!res.ok) return skip(`GitHub answered ${res.status} when listing comments (the token may be read-only).`);
      const list = (await res.json()) as { id: number; body?: string; user?: { type?: string } }[];
      existing = list.find((c) => c.user?.type === "Bot" && c.body?.startsWith(COMMENT_MARKER))?.id;
      if (list.length < 100) break;
    }
    const res = existing
      ? await fetchImpl(`${api}/repos/${repo}/issues/comments/${existing}`, { method: "PATCH", headers, body })
      : await fetchImpl(`${api}/repos/${repo}/issues/${pr.number}/comments`, { method: "POST", headers, body });
    if (!res.ok) return skip(`GitHub answered ${res.status} (the token may be read-only).`);
    return existing
      ? `scorecard: updated the scorecard comment on pull request #${pr.number}.`
      : `scorecard: posted the scorecard comment on pull request #${pr.number}.`;
  } catch (error) {
    return skip(`GitHub could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
}
