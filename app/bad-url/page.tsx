import type { Metadata } from "next";
import Link from "next/link";
import { UrlForm } from "@/components/url-form";

export const metadata: Metadata = { title: "Not a model URL", robots: { index: false } };

interface BadUrlPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

/** Served with status 400 (the proxy rewrites /go here) when a pasted URL names no model. */
export default async function BadUrlPage({ searchParams }: BadUrlPageProps) {
  const params = await searchParams;
  const input = first(params.input);
  const message = first(params.message) || "paste a model URL or an org/name id";
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">400 · Not a model URL</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">mofscope cannot audit this</h1>
      </div>
      <div className="card space-y-2">
        <p>
          You entered: <code className="break-all font-mono">{input || "(nothing)"}</code>
        </p>
        <p data-testid="bad-url-reason">What we recognised: {message}.</p>
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
      <UrlForm defaultValue={input} />
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
