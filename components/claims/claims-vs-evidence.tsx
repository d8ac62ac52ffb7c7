import Link from "next/link";
import type { ClaimComparison, MatchedBy } from "@/lib/claims";
import { CLASS_COLOURS, className, classTitle } from "@/lib/report/display";
import { ClaimMessage } from "./claim-message";
import { ClaimsTable } from "./claims-table";

export interface ClaimsVsEvidenceProps {
  comparison: ClaimComparison;
  recordName: string;
  recordHref: string;
  matchedBy: MatchedBy;
}

const MATCHED: Record<MatchedBy, string> = {
  huggingface: "its Hugging Face link",
  repository: "its GitHub repository",
  name: "its name",
};

function ClassSide({ title, cls, note }: { title: string; cls: 0 | 1 | 2 | 3; note?: string }) {
  return (
    <div className="flex items-center gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <span className="h-10 w-2 shrink-0 rounded-full" style={{ backgroundColor: CLASS_COLOURS[cls] }} aria-hidden="true" />
      <div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{title}</p>
        <p className="font-semibold">
          {classTitle(cls)}
          {note ? <span className="font-normal"> {note}</span> : null}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{className(cls)}</p>
      </div>
    </div>
  );
}

/** A producer's MOT record against the audit: what to fix first, then every component side by side. */
export function ClaimsVsEvidence({ comparison, recordName, recordHref, matchedBy }: ClaimsVsEvidenceProps) {
  const { classes, disagreements, unchecked } = comparison;
  return (
    <section id="claims" aria-labelledby="claims-heading" className="space-y-4" data-testid="claims">
      <div className="space-y-1">
        <h2 id="claims-heading" className="text-lg font-semibold">
          Claims vs evidence
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          MOT lists this model as{" "}
          <Link href={recordHref} className="link">
            {recordName}
          </Link>{" "}
          (matched by {MATCHED[matchedBy]}). Its self-reported record, set against what this audit found:
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2" data-testid="claims-classes">
        <ClassSide title="The MOT record claims" cls={classes.claimed} />
        <ClassSide title="The evidence gives" cls={classes.found} {...(classes.provisional ? { note: "(provisional)" } : {})} />
      </div>
      {disagreements.length > 0 ? (
        <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">
          <h3 className="font-semibold">
            {disagreements.length} {disagreements.length === 1 ? "disagreement" : "disagreements"} for the producer to fix
          </h3>
          <ul className="mt-2 list-disc space-y-1.5 pl-5 [overflow-wrap:anywhere]" data-testid="disagreements">
            {disagreements.map((message) => (
              <li key={message}>
                <ClaimMessage message={message} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm" data-testid="disagreements">
          The record and the evidence agree on every component mofscope could check.
        </p>
      )}
      {unchecked.length > 0 ? (
        <div className="text-sm">
          <h3 className="font-semibold">Claims we could not check</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 [overflow-wrap:anywhere]">
            {unchecked.map((message) => (
              <li key={message}>
                <ClaimMessage message={message} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="relative overflow-x-auto" role="region" aria-label="Claims and evidence per component" tabIndex={0}>
        <ClaimsTable components={comparison.components} />
      </div>
    </section>
  );
}
