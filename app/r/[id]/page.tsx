import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditLink } from "@/components/audit-link";
import { ReportBody } from "@/components/report/report-body";
import { snapshotStore } from "@/lib/db/snapshots";
import { osaidOf } from "@/lib/frameworks/osaid";
import { formatTime, reportHref } from "@/lib/report/display";
import { spdxIdsIn } from "@/lib/report/spdx-ids";

interface SnapshotPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: SnapshotPageProps): Promise<Metadata> {
  const report = await snapshotStore().get((await params).id);
  return report ? { title: `${report.model.id}: snapshot ${report.id}` } : { title: "Unknown snapshot" };
}

/** A snapshot exactly as stored; snapshots never change, so a shared link keeps saying what it said. */
export default async function SnapshotPage({ params }: SnapshotPageProps) {
  const report = await snapshotStore().get((await params).id);
  if (report === null) {
    notFound();
  }
  const audited = report.model.source === "hf" || report.model.source === "github";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Snapshot <span className="font-mono">{report.id}</span> · {formatTime(report.fetchedAt)} · immutable
        </p>
        <h1 className="break-words text-3xl font-bold tracking-tight">{report.model.id}</h1>
        <p className="flex flex-wrap gap-x-4 text-sm">
          {audited ? (
            <AuditLink href={reportHref(report)} className="link">
              Latest report for this model
            </AuditLink>
          ) : (
            <span>Classified from a {report.model.source === "yaml" ? "submitted YAML record" : "MOT record"}</span>
          )}
          <AuditLink href={`/compare?m=r:${report.id}`} className="link">
            Compare
          </AuditLink>
          <a href={`/api/v1/reports/${report.id}`} className="link">
            JSON
          </a>
          <a href={`/r/${report.id}/mof.yml`} className="link">
            MOF YAML
          </a>
          <a href={`/r/${report.id}/aibom.cdx.json`} className="link">
            CycloneDX AI-BOM
          </a>
          <a href={`/r/${report.id}/aibom.spdx.json`} className="link">
            SPDX AI-BOM
          </a>
        </p>
      </div>
      <ReportBody report={report} spdxIds={spdxIdsIn(report)} osaid={osaidOf(report)} />
    </div>
  );
}
