import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { type CompareColumn, CompareMatrix } from "@/components/compare/compare-matrix";
import { ComparePicker } from "@/components/compare/compare-picker";
import { snapshotStore } from "@/lib/db/snapshots";
import { type CompareEntry, entryText, parseCompareParam } from "@/lib/report/compare-params";
import { modelPath, modelRefFromRoute } from "@/lib/report/model-ref";
import { clientKey } from "@/lib/server/http/rate-limit";
import { latestReport } from "@/lib/server/loaders/latest-report";
import { recordForRoute, recordPath } from "@/lib/server/loaders/record-page";

export const metadata: Metadata = { title: "Compare models" };

interface ComparePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function loadColumn(entry: CompareEntry, client: string): Promise<CompareColumn> {
  if (entry.kind === "snapshot") {
    const report = await snapshotStore().get(entry.id);
    return {
      key: entryText(entry),
      title: report ? `${report.model.id} (snapshot)` : entryText(entry),
      href: `/r/${entry.id}`,
      report,
      problem: "Unknown snapshot",
    };
  }
  if (entry.kind === "mot") {
    const found = await recordForRoute(entry.id);
    const title = `${found?.record.name ?? entry.id} (self-reported to MOT)`;
    return {
      key: entryText(entry),
      title,
      href: found ? recordPath(found.record.name) : "/models",
      report: found?.report ?? null,
      problem: "MOT lists no model of that name",
    };
  }
  const [org = "", name = ""] = entry.id.split("/");
  const ref = modelRefFromRoute(org, name);
  if (ref === null) {
    return { key: entry.id, title: entry.id, href: "/compare", report: null, problem: "Not a model id" };
  }
  const { report, error } = await latestReport(ref, { client });
  return { key: entry.id, title: report?.model.id ?? entry.id, href: modelPath(ref), report, problem: error?.message ?? "No report" };
}

async function Matrix({ entries }: { entries: CompareEntry[] }) {
  const client = clientKey(await headers());
  const columns = await Promise.all(entries.map((entry) => loadColumn(entry, client)));
  return <CompareMatrix columns={columns} />;
}

/** Up to six models side by side, component by component. */
export default async function ComparePage({ searchParams }: ComparePageProps) {
  const { entries, rejected } = parseCompareParam((await searchParams).m);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Compare models</h1>
        <p className="text-zinc-700 dark:text-zinc-300">Two to six models, audited, self-reported to MOT or classified from YAML, component by component.</p>
      </div>
      <ComparePicker entries={entries} />
      {rejected.length > 0 ? (
        <p role="status" className="text-sm text-amber-900 dark:text-amber-200">
          Left out: {rejected.join(", ")} (not a model id, MOT record or snapshot, or more than six).
        </p>
      ) : null}
      {entries.length < 2 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Add at least two models, for example allenai/OLMo-7B and LLM360/Amber.</p>
      ) : (
        <Suspense
          key={entries.map(entryText).join(",")}
          fallback={<div className="h-[48rem] animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" aria-busy="true" />}
        >
          <Matrix entries={entries} />
        </Suspense>
      )}
    </div>
  );
}
