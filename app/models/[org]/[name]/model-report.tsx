import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { AuditError } from "@/components/audit-error";
import { ClaimsVsEvidence } from "@/components/claims/claims-vs-evidence";
import { FamilyLink } from "@/components/families/family-link";
import { ComponentGroups } from "@/components/report/component-groups";
import { OsaidSection } from "@/components/report/osaid-section";
import { PendingComponent } from "@/components/report/pending-component";
import { ReauditForm } from "@/components/report/reaudit-form";
import { ReportActions } from "@/components/report/report-actions";
import { ReportBody } from "@/components/report/report-body";
import { ReportSummary } from "@/components/report/report-summary";
import { ReportWarnings } from "@/components/report/report-warnings";
import { StaleNotice } from "@/components/report/stale-notice";
import { SummarySkeleton } from "@/components/report/summary-skeleton";
import type { AuditProgress } from "@/lib/audit";
import { osaidOf } from "@/lib/frameworks/osaid";
import { COMPONENTS_BY_WEIGHT } from "@/lib/mof/components";
import { formatTime } from "@/lib/report/display";
import { type ModelRef, modelPath } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { spdxIdsIn } from "@/lib/report/spdx-ids";
import { isInternal, PREPAID_HEADER } from "@/lib/server/http/internal";
import { siteOrigin } from "@/lib/server/http/origin";
import { clientKey } from "@/lib/server/http/rate-limit";
import { checkStoredModelHeadAfterResponse, stalenessOfReport } from "@/lib/server/loaders/freshness";
import { type LatestResult, startLatestReport } from "@/lib/server/loaders/latest-report";
import { recordPath } from "@/lib/server/loaders/record-page";
import { claimsFor, familyHref, siblingsOf } from "@/lib/server/loaders/registry-data";
import { SettledComponent } from "./settled-component";

export interface ModelReportProps {
  modelRef: ModelRef;
  /** Set by the re-audit redirect: what happened to the re-audit. */
  notice?: string | undefined;
  retryAfter?: string | undefined;
}

interface ReportParts {
  modelRef: ModelRef;
  origin: string;
  notice?: string | undefined;
  retryAfter?: string | undefined;
}

// the banners above the report and the comparison below it read the same claims, once per request
const claimsOf = cache(claimsFor);

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

/** Why there is no report at all: the audit failed and nothing is stored (an unknown model is a 404). */
function NoReport({ error, modelRef }: { error: LatestResult["error"]; modelRef: ModelRef }) {
  if (error?.code === "not_found") {
    notFound();
  }
  return (
    <AuditError
      code={error?.code ?? "upstream_unavailable"}
      message={error?.message ?? "The audit returned nothing."}
      retryAfterSeconds={error?.retryAfterSeconds}
      action={error?.code === "bad_input" ? undefined : <ReauditForm action={modelPath(modelRef, "/reaudit")} label="Retry the audit" />}
    />
  );
}

// freshness is a notice: a store that cannot say leaves it out rather than failing the page
const staleOf = (report: Report) => stalenessOfReport(report).catch(() => null);

/**
 * The notices above the report: the re-audit's outcome, the model having moved on since, a failed new audit, the
 * producer's claims disagreeing.
 */
async function ReportBanners({
  report,
  modelRef,
  error,
  notice,
  retryAfter,
}: {
  report: Report;
  modelRef: ModelRef;
  error: LatestResult["error"];
  notice?: string | undefined;
  retryAfter?: string | undefined;
}) {
  const [claims, stale] = await Promise.all([claimsOf(report), staleOf(report)]);
  return (
    <>
      {notice ? <ReauditNotice notice={notice} retryAfter={retryAfter} /> : null}
      {stale ? <StaleNotice stale={stale} action={modelPath(modelRef, "/reaudit")} /> : null}
      {error ? (
        <p role="status" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">
          Showing the snapshot of {formatTime(report.fetchedAt)}: a new audit could not run ({error.message}).
        </p>
      ) : null}
      {claims && claims.comparison.disagreements.length > 0 ? (
        <p
          role="note"
          className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100"
          data-testid="claims-banner"
        >
          The producer&apos;s MOT record ({claims.record.name}) disagrees with the evidence on {claims.comparison.disagreements.length}{" "}
          {claims.comparison.disagreements.length === 1 ? "point" : "points"}:{" "}
          <a href="#claims" className="link">
            see claims vs evidence
          </a>
          .
        </p>
      ) : null}
    </>
  );
}

/** Below the report: the model's other variants, its producer's claims against the evidence, exports and badge. */
async function ReportFooter({ report, modelRef, origin }: { report: Report; modelRef: ModelRef; origin: string }) {
  const [claims, family] = await Promise.all([claimsOf(report), siblingsOf(`${report.model.source}:${report.model.id}`)]);
  return (
    <>
      {family ? (
        <p className="text-sm">
          Other variants: <FamilyLink href={familyHref(family.key)} label={family.label} count={family.variants.length} />
        </p>
      ) : null}
      {claims ? (
        <ClaimsVsEvidence comparison={claims.comparison} recordName={claims.record.name} recordHref={recordPath(claims.record.name)} matchedBy={claims.by} />
      ) : null}
      <ReportActions report={report} modelRef={modelRef} origin={origin} />
    </>
  );
}

const retryForm = (modelRef: ModelRef) => <ReauditForm action={modelPath(modelRef, "/reaudit")} label="Retry the failed sources" />;

/**
 * A report that is already settled (stored, or refused an audit): everything at once. A stored one has its model's
 * head checked after the response is sent, so the page never waits on the Hub; a later view shows what it found.
 */
function FinishedReport({ result, modelRef, origin, notice, retryAfter }: ReportParts & { result: LatestResult }) {
  const { report, error } = result;
  if (report === null) {
    return <NoReport error={error} modelRef={modelRef} />;
  }
  if (result.cached) {
    checkStoredModelHeadAfterResponse(report);
  }
  return (
    <div className="space-y-8">
      <ReportBanners report={report} modelRef={modelRef} error={error} notice={notice} retryAfter={retryAfter} />
      <ReportBody report={report} spdxIds={spdxIdsIn(report)} osaid={osaidOf(report)} retry={retryForm(modelRef)} />
      <ReportFooter report={report} modelRef={modelRef} origin={origin} />
    </div>
  );
}

async function LiveSummary({ result, modelRef, notice, retryAfter }: Omit<ReportParts, "origin"> & { result: Promise<LatestResult> }) {
  const { report, error } = await result;
  if (report === null) {
    return <NoReport error={error} modelRef={modelRef} />;
  }
  return (
    <div className="space-y-8">
      <ReportBanners report={report} modelRef={modelRef} error={error} notice={notice} retryAfter={retryAfter} />
      <ReportSummary report={report} osaid={osaidOf(report)} retry={retryForm(modelRef)} />
    </div>
  );
}

async function LiveFooter({ result, modelRef, origin }: Omit<ReportParts, "notice" | "retryAfter"> & { result: Promise<LatestResult> }) {
  const { report } = await result;
  return report === null ? null : (
    <>
      <OsaidSection osaid={osaidOf(report)} />
      <ReportWarnings warnings={report.warnings} />
      <ReportFooter report={report} modelRef={modelRef} origin={origin} />
    </>
  );
}

/**
 * A report while its audit runs: each component appears as soon as the sources it needs have answered (the model
 * files first, then what the card and datasets decide, then code and papers); the grade, which needs all 17, last.
 */
function LiveReport({ result, progress, ...parts }: ReportParts & { result: Promise<LatestResult>; progress: AuditProgress }) {
  const rows = COMPONENTS_BY_WEIGHT.map((spec) => ({
    cid: spec.cid,
    class: spec.class,
    node: (
      <Suspense fallback={<PendingComponent spec={spec} />}>
        <SettledComponent progress={progress} result={result} spec={spec} />
      </Suspense>
    ),
  }));
  return (
    <div className="space-y-8" data-testid="report">
      <Suspense fallback={<SummarySkeleton />}>
        <LiveSummary result={result} modelRef={parts.modelRef} notice={parts.notice} retryAfter={parts.retryAfter} />
      </Suspense>
      <ComponentGroups rows={rows} />
      <Suspense fallback={null}>
        <LiveFooter result={result} modelRef={parts.modelRef} origin={parts.origin} />
      </Suspense>
    </div>
  );
}

/** The streamed part of the model page: the latest snapshot, or a fresh audit as it runs, or why there is none. */
export async function ModelReport({ modelRef, notice, retryAfter }: ModelReportProps) {
  const requestHeaders = await headers();
  // the proxy spent this client's token on the model's first request when it had no report yet: the audit shares it
  const prepaid = isInternal(requestHeaders.get(PREPAID_HEADER));
  const { progress, result } = await startLatestReport(modelRef, { client: clientKey(requestHeaders), prepaid });
  const parts = { modelRef, origin: siteOrigin(), notice, retryAfter };
  return progress === null ? <FinishedReport result={await result} {...parts} /> : <LiveReport result={result} progress={progress} {...parts} />;
}
