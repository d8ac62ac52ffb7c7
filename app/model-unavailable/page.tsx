import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditError } from "@/components/audit-error";
import { modelPath } from "@/lib/report/model-ref";
import { readModelUnavailable } from "@/lib/server/pages/status-pages";

export const metadata: Metadata = { title: "No report", robots: { index: false } };

interface ModelUnavailablePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Relayed by the proxy with the status of its code (404, 403, 429, 502, 503) when a model page cannot have a report. */
export default async function ModelUnavailablePage({ searchParams }: ModelUnavailablePageProps) {
  const page = readModelUnavailable(await searchParams, await headers());
  if (page === null) {
    notFound();
  }
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">
          {page.status} · {page.ref.id}
        </p>
        <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">No report for {page.ref.id}</h1>
      </div>
      <AuditError
        code={page.code}
        message={page.message}
        retryAfterSeconds={page.retryAfterSeconds}
        action={
          page.code === "not_found" ? undefined : (
            <Link href={modelPath(page.ref)} className="btn">
              Try again
            </Link>
          )
        }
      />
    </div>
  );
}
