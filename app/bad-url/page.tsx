import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UrlForm } from "@/components/url-form";
import { readBadUrl } from "@/lib/server/pages/status-pages";

export const metadata: Metadata = { title: "Not a model URL", robots: { index: false } };

interface BadUrlPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Relayed by /go with status 400 when a pasted URL names no model. The reason is the parser's code in words; what the
 * visitor typed goes back only into the form field, as their input to correct, never into the page's own sentences.
 */
export default async function BadUrlPage({ searchParams }: BadUrlPageProps) {
  const page = readBadUrl(await searchParams, await headers());
  if (page === null) {
    notFound();
  }
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">400 · Not a model URL</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">mofscope cannot audit this</h1>
      </div>
      <div className="card space-y-2">
        <p data-testid="bad-url-reason">What we recognised: {page.reason}.</p>
        {page.input ? <p className="text-sm">What you entered is in the box below, to correct.</p> : null}
      </div>
      <div>
        <h2 className="font-semibold">What works</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>
            A Hugging Face model URL: <code className="font-mono">https://huggingface.co/allenai/OLMo-7B</code>
          </li>
          <li>
            A model id: <code className="font-mono">LLM360/Amber</code>
          </li>
          <li>
            A GitHub repository: <code className="font-mono">https://github.com/LLM360/amber-train</code>
          </li>
        </ul>
      </div>
      <UrlForm defaultValue={page.input} />
      <p className="text-sm">
        Or go back{" "}
        <Link href="/" className="link">
          home
        </Link>{" "}
        and try an example.
      </p>
    </div>
  );
}
