"use client";

import Link from "next/link";

interface ErrorPageProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** Anything unexpected while rendering: say so plainly and offer a retry, never a bare 500. */
export default function ErrorPage({ error, reset }: ErrorPageProps) {
  return (
    <div role="alert" className="max-w-2xl space-y-4">
      <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">Something went wrong</p>
      <h1 className="text-2xl font-bold tracking-tight">This page could not be shown</h1>
      <p>An upstream may have answered in a way mofscope did not expect, or the server had a problem. Trying again usually works.</p>
      {error.digest ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Reference: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <div className="flex gap-3">
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Home
        </Link>
      </div>
    </div>
  );
}
