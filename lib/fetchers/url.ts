import { z } from "zod";
import { parseGithubPath, repoTarget } from "./url-github";
import { parseBareId, parseHfPath } from "./url-hf";
import { type ParsedModelUrl, refuse } from "./url-result";

export type { ModelTarget, ParsedModelUrl, UrlErrorCode } from "./url-result";

const inputSchema = z.string().trim().min(1).max(2048);
const hfHosts = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);
const githubHosts = new Set(["github.com", "www.github.com"]);
const accepted = "only huggingface.co, hf.co and github.com URLs are accepted";

/** Turns whatever a person pastes (URL, host-less URL, `org/name[@rev]`, git remote) into an audit target; never throws. */
export function parseModelUrl(input: unknown): ParsedModelUrl {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const tooLong = typeof input === "string" && input.length > 2048;
    return refuse("invalid_input", tooLong ? "the URL is longer than 2 KB" : "paste a model URL or an org/name id");
  }
  const text = parsed.data;

  const scp = /^git@github\.com:([^/\s]+)\/([^/\s]+?)\/?$/i.exec(text);
  if (scp) {
    return repoTarget(scp[1] ?? "", scp[2] ?? "", text);
  }
  if (/^hf:\/\//i.test(text)) {
    return parseBareId(text.slice(5));
  }

  const withoutGit = text.replace(/^git\+/i, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(withoutGit)?.[1]?.toLowerCase();
  const hasAuthority = /^[a-z][a-z0-9+.-]*:\/\//i.test(withoutGit);
  if (scheme !== undefined && (hasAuthority || !looksLikeHostPort(withoutGit))) {
    if (scheme !== "http" && scheme !== "https") {
      return refuse("unsupported_scheme", "only http(s) URLs are accepted");
    }
    return parseWebUrl(withoutGit, text);
  }
  if (looksLikeHost(withoutGit.split("/")[0] ?? "")) {
    return parseWebUrl(`https://${withoutGit}`, text);
  }
  return parseBareId(withoutGit.replace(/[?#].*$/, ""));
}

function parseWebUrl(href: string, display: string): ParsedModelUrl {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return refuse("invalid_input", `${display} is not a valid URL`);
  }
  if (url.username !== "" || url.password !== "") {
    return refuse("credentials", "URLs with a user name or password are refused; remove the credentials");
  }
  if (url.port !== "") {
    return refuse("port", "URLs with an explicit port are refused");
  }
  const host = url.hostname.replace(/\.$/, "");
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith("[")) {
    return refuse("ip_address", "IP addresses are refused; use huggingface.co, hf.co or github.com");
  }
  const segments = url.pathname.split("/").filter((s) => s !== "");
  const shown = `${host}${url.pathname.replace(/\/+$/, "")}`;

  if (hfHosts.has(host)) {
    return parseHfPath(segments, shown);
  }
  if (githubHosts.has(host)) {
    return parseGithubPath(segments, shown);
  }
  if (host === "api.github.com" && segments[0] === "repos" && segments.length >= 3) {
    return repoTarget(segments[1] ?? "", segments[2] ?? "", shown);
  }
  if (host === "raw.githubusercontent.com" && segments.length >= 2) {
    return repoTarget(segments[0] ?? "", segments[1] ?? "", shown);
  }
  if (host === "arxiv.org" || host.endsWith(".arxiv.org")) {
    return refuse("paper", `this is an arXiv paper; paste the URL of a model that cites it (${accepted})`);
  }
  if (host === "gist.github.com") {
    return refuse("not_a_repo", `a gist is not a repository; ${accepted}`);
  }
  return refuse("unsupported_host", `${host} is not supported: ${accepted}`);
}

// "huggingface.co/x" or "localhost:3000/x": a first segment with a dot-separated name or a port is a host
function looksLikeHost(segment: string): boolean {
  return (
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\.?(?::\d+)?$/i.test(segment) ||
    /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/.test(segment) ||
    segment.startsWith("[") ||
    looksLikeHostPort(segment)
  );
}

function looksLikeHostPort(text: string): boolean {
  return /^[a-z0-9.-]+:\d+(?:[/?#]|$)/i.test(text);
}
