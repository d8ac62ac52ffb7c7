import { statSync } from "node:fs";
import { arxivIds } from "@/lib/evidence/card-text";
import { parseModelUrl } from "@/lib/fetchers/url";

/**
 * True when an input names a release folder rather than a model: it reads as a path (`./release`, `/data/release`,
 * `..`) or names a directory that exists here. A published model is given by its URL or `org/name` id.
 */
export function isFolderInput(input: string): boolean {
  if (/^(\.{1,2}|~)?([/\\]|$)/.test(input) && input !== "") {
    return true;
  }
  try {
    return statSync(input).isDirectory();
  } catch {
    return false;
  }
}

/** `--repo` values as `owner/repo`, or the one that is not a GitHub repository. */
export function parseRepos(values: readonly string[]): { ok: true; repos: string[] } | { ok: false; message: string } {
  const repos: string[] = [];
  for (const value of values) {
    const parsed = parseModelUrl(value.includes("github.com") ? value : `https://github.com/${value}`);
    if (!parsed.ok || parsed.target.source !== "github") {
      return { ok: false, message: `--repo takes a GitHub repository (github.com/org/code), not "${value.slice(0, 100)}"` };
    }
    repos.push(`${parsed.target.owner}/${parsed.target.repo}`);
  }
  return { ok: true, repos };
}

/** `--paper`: an arXiv id as `arXiv:2402.00838`, `2402.00838` or an arxiv.org link. */
export function parsePaper(value: string | undefined): { ok: true; paper: string | null } | { ok: false; message: string } {
  if (value === undefined) {
    return { ok: true, paper: null };
  }
  const id = /^\d{4}\.\d{4,5}$/.test(value) ? value : arxivIds(value)[0];
  return id ? { ok: true, paper: id } : { ok: false, message: `--paper takes an arXiv id (arXiv:2402.00838), not "${value.slice(0, 100)}"` };
}
