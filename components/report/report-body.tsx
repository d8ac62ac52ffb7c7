import type { ReactNode } from "react";
import type { Report } from "@/lib/report/schema";
import { formatTime } from "@/lib/report/display";
import { ClassGrade } from "./class-grade";
import { ComponentGroups } from "./component-groups";
import { NextSteps } from "./next-steps";
import { ProgressBars } from "./progress-bars";
import { ReportNotices } from "./report-notices";

export interface ReportBodyProps {
  report: Report;
  spdxIds: readonly string[];
  /** Rendered inside the provisional notice (re-audit form on audited models). */
  retry?: ReactNode;
}

/** Everything a report says; shared by the model page, permalinks and the YAML classifier. */
export function ReportBody({ report, spdxIds, retry }: ReportBodyProps) {
  const sha = report.model.sha;
  // a MOT record's revision is the registry's commit and its sha the record file's blob
  const mot = report.model.source === "mot";
  return (
    <div className="space-y-8" data-testid="report" data-snapshot-id={report.id}>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <ClassGrade report={report} />
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
      <section aria-labelledby="components-heading">
        <h2 id="components-heading" className="mb-3 text-lg font-semibold">
          The 17 MOF components
        </h2>
        <ComponentGroups components={report.components} spdxIds={spdxIds} />
      </section>
      {report.warnings.length > 0 ? (
        <section aria-labelledby="warnings-heading">
          <h2 id="warnings-heading" className="mb-2 text-lg font-semibold">
            Record warnings
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {report.warnings.map((w, index) => (
              <li key={`${w.path}-${index}`}>
                <code className="font-mono text-xs">{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
