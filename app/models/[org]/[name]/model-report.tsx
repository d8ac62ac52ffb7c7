import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AuditError } from "@/components/audit-error";
import { ClaimsVsEvidence } from "@/components/claims/claims-vs-evidence";
import { FamilyLink } from "@/components/families/family-link";
import { ReauditForm } from "@/components/report/reaudit-form";
import { ReportActions } from "@/components/report/report-actions";
import { ReportBody } from "@/components/report/report-body";
import { type ModelRef, modelPath } from "@/lib/model-ref";
import { siteOrigin } from "@/lib/origin";
import { recordPath } from "@/lib/registry/record-page";
import { claimsFor, familyHref, siblingsOf } from "@/lib/registry/web-data";
import { clientKey } from "@/lib/rate-limit";
import { formatTime } from "@/lib/report/display";
import { latestReport } from "@/lib/report/latest";
import { spdxIdsIn } from "@/lib/report/spdx-ids";

export interface ModelReportProps {
  modelRef: ModelRef;
  /** Set by the re-audit redirect: what happened to the re-audit. */
  notice?: string | undefined;
  retryAfter?: string | undefined;
}

function ReauditNotice({ notice, retryAfter }: { notice: string; retryAfter?: string | undefined }) {
  const text =
    notice === "limited"
      ? `Re-audit refused: too many audits from your address. Try again in ${Number(retryAfter) || 60} s.`
      : notice === "failed"
        ? "Re-audit failed: an upstream did not answer. The report below is the last one stored."
        : notice === "done"
          ? "Re-audited just now."
          : null;
  return text ? (
    <p role="status" className="rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900">
      {text}
    </p>
  ) : null;
}

/** The streamed part of the model page: the latest snapshot, or a fresh audit, or why there is none. */
export async function ModelReport({ modelRef, notice, retryAfter }: ModelReportProps) {
  const requestHeaders = await headers();
  const { report, error } = await latestReport(modelRef, { client: clientKey(requestHeaders) });
  const reaudit = modelPath(modelRef, "/reaudit");
  if (report === null) {
    if (error?.code === "not_found") {
      notFound();
    }
    return (
      <AuditError
        code={error?.code ?? "upstream_unavailable"}
        message={error?.message ?? "The audit returned nothing."}
        retryAfterSeconds={error?.retryAfterSeconds}
        action={error?.code === "bad_input" ? undefined : <ReauditForm action={reaudit} label="Retry the audit" />}
      />
    );
  }
  const origin = siteOrigin(requestHeaders);
  const claims = claimsFor(report);
  const family = siblingsOf(`${report.model.source}:${report.model.id}`);
  return (
    <div className="space-y-8">
      {notice ? <ReauditNotice notice={notice} retryAfter={retryAfter} /> : null}
      {error ? (
        <p role="status" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">
          Showing the snapshot of {formatTime(report.fetchedAt)}: a new audit could not run ({error.message}).
        </p>
      ) : null}
      {claims && claims.comparison.disagreements.length > 0 ? (
        <p role="note" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100" data-testid="claims-banner">
          The producer&apos;s MOT record ({claims.record.name}) disagrees with the evidence on {claims.comparison.disagreements.length}{" "}
          {claims.comparison.disagreements.length === 1 ? "point" : "points"}: <a href="#claims" className="link">see claims vs evidence</a>.
        </p>
      ) : null}
      <ReportBody report={report} spdxIds={spdxIdsIn(report)} retry={<ReauditForm action={reaudit} label="Retry the failed sources" />} />
      {family ? (
        <p className="text-sm">
          Other variants: <FamilyLink href={familyHref(family.key)} label={family.label} count={family.variants.length} />
        </p>
      ) : null}
      {claims ? (
        <ClaimsVsEvidence comparison={claims.comparison} recordName={claims.record.name} recordHref={recordPath(claims.record.name)} matchedBy={claims.by} />
      ) : null}
      <ReportActions report={report} modelRef={modelRef} origin={origin} />
    </div>
  );
}
