import type { Metadata } from "next";
import Link from "next/link";
import { AuditError } from "@/components/audit-error";

export const metadata: Metadata = { title: "No report", robots: { index: false } };

interface ModelUnavailablePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
const MODEL_PATH = /^\/models\/[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+(\?source=github)?$/;

/** Served by the proxy with the status it names (404, 429, 502, 503) when a model page cannot have a report. */
export default async function ModelUnavailablePage({ searchParams }: ModelUnavailablePageProps) {
  const params = await searchParams;
  const status = first(params.status).slice(0, 3);
  const model = first(params.model).slice(0, 200);
  const path = first(params.path);
  const retry = Number(first(params.retry)) || undefined;
  const code = first(params.code) || "upstream_unavailable";
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">
          {status} · {model}
        </p>
        <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">No report for {model}</h1>
      </div>
      <AuditError
        code={code}
        message={first(params.message).slice(0, 500) || "The audit could not start."}
        retryAfterSeconds={retry}
        action={
          code !== "not_found" && MODEL_PATH.test(path) ? (
            <Link href={path} className="btn">
              Try again
            </Link>
          ) : undefined
        }
      />
    </div>
  );
}
