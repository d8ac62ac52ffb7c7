import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metadata } from "next";
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

export const metadata: Metadata = { title: "HTTP API · mofscope" };

// docs/api.md is the one description of the API; the page renders it at build time
const apiDoc = readFileSync(join(process.cwd(), "docs", "api.md"), "utf8");

/** The HTTP API reference. */
export default function ApiDocsPage() {
  return (
    <article className="prose-docs">
      <ReactMarkdown rehypePlugins={[rehypeSanitize]}>{apiDoc}</ReactMarkdown>
    </article>
  );
}
