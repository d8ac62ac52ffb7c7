import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UrlForm } from "@/components/url-form";
import { modelPath } from "@/lib/report/model-ref";
import { readRefused } from "@/lib/server/pages/status-pages";

export const metadata: Metadata = { title: "Refused", robots: { index: false } };

interface RefusedPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Relayed with its status (400, 403) for a request refused before any work: a malformed path, a cross-site form. */
export default async function RefusedPage({ searchParams }: RefusedPageProps) {
  const page = readRefused(await searchParams, await headers());
  if (page === null) {
    notFound();
  }
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">{page.status} · Refused</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{page.title}</h1>
      </div>
      <p className="card">{page.message}</p>
      {page.ref ? (
        <p>
          <Link href={modelPath(page.ref)} className="btn">
            Open the page of {page.ref.id}
          </Link>
        </p>
      ) : (
        <UrlForm />
      )}
      <p className="text-sm">
        <Link href="/" className="link">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
