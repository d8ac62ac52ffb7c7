import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metadata } from "next";
import type { ComponentProps } from "react";
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

export const metadata: Metadata = { title: "HTTP API · mofscope" };

// docs/api.md is the one description of the API, read once when the server loads this page
const apiDoc = readFileSync(join(process.cwd(), "docs", "api.md"), "utf8");

// a long example scrolls sideways, so the keyboard must be able to reach it (axe: scrollable-region-focusable)
const components = {
  pre: (props: ComponentProps<"pre">) => <pre {...props} tabIndex={0} />,
};

/** The HTTP API reference. */
export default function ApiDocsPage() {
  return (
    <article className="prose-docs">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {apiDoc}
      </ReactMarkdown>
    </article>
  );
}
