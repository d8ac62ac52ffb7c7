import { AuditLink } from "@/components/audit-link";

export interface SelfReportedNoticeProps {
  producer: string;
  /** The page that audits the release for real, when the record names something to audit. */
  audit: { href: string; label: string } | null;
}

/** Says plainly that a registry report is the producer's claim, and how to check it. */
export function SelfReportedNotice({ producer, audit }: SelfReportedNoticeProps) {
  return (
    <div
      role="note"
      aria-labelledby="self-reported-title"
      className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100"
      data-testid="self-reported"
    >
      <p id="self-reported-title" className="text-base font-semibold">
        Self-reported to MOT — not verified by mofscope
      </p>
      <p className="mt-1">
        {producer ? `${producer} submitted this record` : "This record was submitted"} to the Model Openness Tool. mofscope grades the components it lists
        exactly as MOT does, but has not checked that they exist or carry these licences.
      </p>
      {audit ? (
        <p className="mt-3">
          <AuditLink href={audit.href} className="btn">
            {audit.label}
          </AuditLink>
        </p>
      ) : (
        <p className="mt-2">The record names no Hugging Face model or GitHub repository that mofscope could audit.</p>
      )}
    </div>
  );
}
