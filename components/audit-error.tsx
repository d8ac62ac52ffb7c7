import Link from "next/link";
import type { ReactNode } from "react";

export interface AuditErrorProps {
  code: string;
  message: string;
  retryAfterSeconds?: number | undefined;
  /** The next step: a retry form or a link. */
  action?: ReactNode;
}

const TITLES: Record<string, string> = {
  bad_input: "This does not name a model",
  not_found: "No such model",
  gated: "This model is gated",
  rate_limited: "Too many audits",
  upstream_error: "The model host answered with an error",
  upstream_unavailable: "The model host is not answering",
};

const HINTS: Record<string, string> = {
  bad_input: "Check the URL or id; paste a Hugging Face model URL or an org/name id.",
  not_found: "Check the spelling; ids are org/name as on the model's page.",
  gated: "Its files need an access request, so mofscope could not read them.",
  rate_limited: "Audits are limited per visitor; stored reports stay available.",
  upstream_error: "Hugging Face, GitHub or arXiv failed. Nothing is wrong with the model; try again shortly.",
  upstream_unavailable: "Hugging Face, GitHub or arXiv did not answer in time. Nothing is wrong with the model; try again shortly.",
};

/** Why there is no report, and what to do next. */
export function AuditError({ code, message, retryAfterSeconds, action }: AuditErrorProps) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-lg border-l-4 border-rose-600 bg-rose-50 p-4 text-rose-950 dark:bg-rose-950/50 dark:text-rose-100"
      data-testid="audit-error"
      data-code={code}
    >
      <h2 className="text-lg font-semibold">{TITLES[code] ?? "The audit failed"}</h2>
      <p>{message}</p>
      <p className="text-sm">
        {HINTS[code] ?? "Try again in a moment."}
        {retryAfterSeconds !== undefined ? ` Retry in about ${retryAfterSeconds} s.` : ""}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {action}
        <Link href="/" className="link text-sm">
          Audit another model
        </Link>
      </div>
    </div>
  );
}
