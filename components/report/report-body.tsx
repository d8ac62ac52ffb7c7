import type { ReactNode } from "react";
import type { Osaid } from "@/lib/frameworks/osaid";
import type { Report } from "@/lib/report/schema";
import { ComponentGroups } from "./component-groups";
import { ComponentItem } from "./component-item";
import { OsaidSection } from "./osaid-section";
import { ReportSummary } from "./report-summary";
import { ReportWarnings } from "./report-warnings";

export interface ReportBodyProps {
  report: Report;
  spdxIds: readonly string[];
  /** The OSAID verdict, computed where the licence catalogue is (the server), not in the browser. */
  osaid: Osaid;
  /** Rendered inside the provisional notice (re-audit form on audited models). */
  retry?: ReactNode;
}

/** Everything a finished report says; shared by the model page, permalinks and the YAML classifier. */
export function ReportBody({ report, spdxIds, osaid, retry }: ReportBodyProps) {
  const rows = report.components.map((c) => ({ cid: c.cid, class: c.class, node: <ComponentItem component={c} spdxIds={spdxIds} /> }));
  return (
    <div className="space-y-8" data-testid="report">
      <ReportSummary report={report} osaid={osaid} retry={retry} />
      <ComponentGroups rows={rows} />
      <OsaidSection osaid={osaid} />
      <ReportWarnings warnings={report.warnings} />
    </div>
  );
}
