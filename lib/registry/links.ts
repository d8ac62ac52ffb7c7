import { parseModelUrl } from "@/lib/fetchers/url";

// MOT values are sometimes a URL followed by prose ("https://huggingface.co/x/y · Hugging Face"); the first word is the link
function firstWord(value: unknown): string | null {
  if (typeof value !== "string") {
    return null;
  }
  const word = value
    .trim()
    .split(/\s+/)[0]
    ?.replace(/[:;,.)]+$/, "");
  return word ? word : null;
}

/** `org/name` of the Hugging Face model a record's `huggingface` value names (URL in any pasted form, or a bare id); else null. */
export function hfIdOf(value: unknown): string | null {
  const word = firstWord(value);
  if (word === null || (!/huggingface\.co|hf\.co/i.test(word) && /^https?:/i.test(word))) {
    return null;
  }
  const parsed = parseModelUrl(word);
  return parsed.ok && parsed.target.source === "hf" ? parsed.target.id : null;
}

/** `owner/repo` of the GitHub repository a record's `repository` value names; null for an organisation page or another host. */
export function githubRepoOf(value: unknown): string | null {
  const word = firstWord(value);
  if (word === null || !/github\.com/i.test(word)) {
    return null;
  }
  const parsed = parseModelUrl(word);
  return parsed.ok && parsed.target.source === "github" ? `${parsed.target.owner}/${parsed.target.repo}` : null;
}
