import { z } from "zod";

const baseUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .pipe(z.url({ protocol: /^https?$/ }))
    .transform((url) => url.replace(/\/+$/, ""));

const optionalToken = z
  .string()
  .trim()
  .optional()
  .transform((token) => (token === "" ? undefined : token));

const envSchema = z.object({
  HF_ENDPOINT: baseUrl("https://huggingface.co"),
  GITHUB_API_URL: baseUrl("https://api.github.com"),
  ARXIV_API_URL: baseUrl("https://export.arxiv.org"),
  HF_TOKEN: optionalToken.refine((token) => token === undefined || token.startsWith("hf_"), {
    message: "HF_TOKEN must start with hf_",
  }),
  GITHUB_TOKEN: optionalToken,
});

export interface UpstreamConfig {
  hfEndpoint: string;
  githubApiUrl: string;
  arxivApiUrl: string;
  hfToken: string | undefined;
  githubToken: string | undefined;
  /** The only origins the HTTP client may contact. */
  allowedOrigins: string[];
  /** Tokens keyed by base URL, so each goes only to its own upstream. */
  tokens: Record<string, string | undefined>;
}

/** Reads upstream settings from the environment; throws a readable error naming the bad variable. */
export function loadUpstreamConfig(env: Record<string, string | undefined> = process.env): UpstreamConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid upstream configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const origins = [e.HF_ENDPOINT, e.GITHUB_API_URL, e.ARXIV_API_URL].map((url) => new URL(url).origin);
  return {
    hfEndpoint: e.HF_ENDPOINT,
    githubApiUrl: e.GITHUB_API_URL,
    arxivApiUrl: e.ARXIV_API_URL,
    hfToken: e.HF_TOKEN,
    githubToken: e.GITHUB_TOKEN,
    allowedOrigins: [...new Set(origins)],
    // arXiv takes no token; listing it keeps the HF token off it when both share an origin (the mock)
    tokens: { [e.HF_ENDPOINT]: e.HF_TOKEN, [e.GITHUB_API_URL]: e.GITHUB_TOKEN, [e.ARXIV_API_URL]: undefined },
  };
}
