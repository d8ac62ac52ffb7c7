import type { ReactNode } from "react";
import type { Osaid } from "@/lib/frameworks/osaid";
import { formatTime } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";
import { ClassGrade } from "./class-grade";
import { NextSteps } from "./next-steps";
import { OsaidVerdict } from "./osaid-verdict";
import { ProgressBars } from "./progress-bars";
import { ReportNotices } from "./report-notices";

export interface ReportSummaryProps {
  report: Report;
  osaid: Osaid;
  /** Rendered inside the provisional notice (re-audit form on audited models). */
  retry?: ReactNode;
}

/** What the whole report adds up to: the grade, where it came from, progress, notices and the next class's gaps. */
export function ReportSummary({ report, osaid, retry }: ReportSummaryProps) {
  const sha = report.model.sha;
  // a MOT record's revision is the registry's commit and its sha the record file's blob
  const mot = report.model.source === "mot";
  return (
    <div className="space-y-8" data-snapshot-id={report.id}>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <ClassGrade report={report} />
          <OsaidVerdict osaid={osaid} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
            <dt className="text-zinc-600 dark:text-zinc-400">{report.model.source === "yaml" ? "Classified" : mot ? "Synced from MOT" : "Fetched"}</dt>
            <dd>
              <time dateTime={report.fetchedAt}>{formatTime(report.fetchedAt)}</time>
            </dd>
            {report.model.revision ? (
              <>
                <dt className="text-zinc-600 dark:text-zinc-400">{mot ? "MOT commit" : "Revision"}</dt>
                <dd className="font-mono" title={report.model.revision}>
                  {mot ? report.model.revision.slice(0, 12) : report.model.revision}
                </dd>
              </>
            ) : null}
            {sha ? (
              <>
                <dt className="text-zinc-600 dark:text-zinc-400">{mot ? "Record blob" : "Commit"}</dt>
                <dd className="font-mono" title={sha}>
                  {sha.slice(0, 12)}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
        <ProgressBars progress={report.progress} />
      </div>
      <ReportNotices report={report} retry={retry} />
      <section aria-labelledby="next-heading" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="next-heading" className="sr-only">
          Next class
        </h2>
        <NextSteps next={report.next} />
      </section>
    </div>
  );
}
