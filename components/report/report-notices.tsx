import type { ReactNode } from "react";
import { derivationSentence, onlyInBaseSentence } from "@/lib/report/derivation-text";
import { modelPath } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { InlineCode } from "./inline-code";

export interface ReportNoticesProps {
  report: Pick<Report, "gated" | "provisional" | "failures" | "components" | "derivedFrom">;
  /** Shown inside the provisional notice: a re-audit button where one is allowed. */
  retry?: ReactNode;
}

function Notice({ title, tone, children }: { title: string; tone: "warn" | "info"; children: ReactNode }) {
  const colours =
    tone === "warn"
      ? "border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950/60 dark:text-amber-100"
      : "border-sky-600 bg-sky-50 text-sky-950 dark:bg-sky-950/60 dark:text-sky-100";
  return (
    <div role="status" className={`rounded-md border-l-4 p-3 text-sm [overflow-wrap:anywhere] ${colours}`}>
      <p className="font-semibold">{title}</p>
      <div className="mt-1 space-y-1">{children}</div>
    </div>
  );
}

/** Why a verdict may change: gated weights, sources that failed, components left unknown. */
export function ReportNotices({ report, retry }: ReportNoticesProps) {
  const unknown = report.components.filter((c) => c.status === "unknown");
  return (
    <div className="space-y-3 empty:hidden">
      {report.derivedFrom ? (
        <Notice title={`Derived from ${report.derivedFrom.base}`} tone="info">
          <p data-testid="derived-from">
            <InlineCode text={derivationSentence(report.derivedFrom)} />
          </p>
          {onlyInBaseSentence(report.derivedFrom) ? <p>{onlyInBaseSentence(report.derivedFrom)}</p> : null}
          <p>
            <a className="link" href={modelPath({ source: "hf", id: report.derivedFrom.base })}>
              Report on {report.derivedFrom.base}
            </a>{" "}
            (audited when you open it) ·{" "}
            <a className="link" href={report.derivedFrom.baseUrl} rel="noopener noreferrer nofollow">
              {report.derivedFrom.base} on Hugging Face
            </a>
          </p>
        </Notice>
      ) : null}
      {report.gated ? (
        <Notice title="Gated release" tone="info">
          <p>The weights and files sit behind an access request; mofscope read only what is public. A gated release is not openly distributed.</p>
        </Notice>
      ) : null}
      {report.provisional ? (
        <Notice title="Provisional grade" tone="warn">
          {unknown.length > 0 ? (
            <p>Could not check: {unknown.map((c) => c.name).join(", ")}. Unknown is not counted as missing, so the class may rise.</p>
          ) : null}
          {report.failures.length > 0 ? (
            <ul className="list-disc pl-5">
              {report.failures.map((f, index) => (
                <li key={`${f.url}-${index}`}>
                  {f.source}: {f.kind.replace("_", " ")} — {f.message}
                </li>
              ))}
            </ul>
          ) : null}
          {retry}
        </Notice>
      ) : null}
    </div>
  );
}
