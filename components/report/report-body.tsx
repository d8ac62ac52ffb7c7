import type { ReactNode } from "react";
import type { Report } from "@/lib/report/schema";
import { ComponentGroups } from "./component-groups";
import { ComponentItem } from "./component-item";
import { ReportSummary } from "./report-summary";
import { ReportWarnings } from "./report-warnings";

export interface ReportBodyProps {
  report: Report;
  spdxIds: readonly string[];
  /** Rendered inside the provisional notice (re-audit form on audited models). */
  retry?: ReactNode;
}

/** Everything a finished report says; shared by the model page, permalinks and the YAML classifier. */
export function ReportBody({ report, spdxIds, retry }: ReportBodyProps) {
  const rows = report.components.map((c) => ({ cid: c.cid, class: c.class, node: <ComponentItem component={c} spdxIds={spdxIds} /> }));
  return (
    <div className="space-y-8" data-testid="report">
      <ReportSummary report={report} retry={retry} />
      <ComponentGroups rows={rows} />
      <ReportWarnings warnings={report.warnings} />
    </div>
  );
}
