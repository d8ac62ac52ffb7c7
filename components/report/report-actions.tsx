import Link from "next/link";
import { type ModelRef, modelPath } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { AibomLinks } from "./aibom-links";
import { BadgeSnippet } from "./badge-snippet";
import { ReauditForm } from "./reaudit-form";

export interface ReportActionsProps {
  report: Report;
  modelRef: ModelRef;
  origin: string;
}

/** Share, export, embed and refresh one model's report. */
export function ReportActions({ report, modelRef, origin }: ReportActionsProps) {
  const badgePath = `/badge/${modelRef.id}.svg${modelRef.source === "github" ? "?source=github" : ""}`;
  return (
    <section aria-labelledby="share-heading" className="grid gap-6 md:grid-cols-2">
      <div className="card min-w-0 space-y-3">
        <h2 id="share-heading" className="text-lg font-semibold">
          Share and export
        </h2>
        <ul className="space-y-1 text-sm">
          <li>
            Permalink (never changes):{" "}
            <Link href={`/r/${report.id}`} className="link font-mono" data-testid="permalink">
              /r/{report.id}
            </Link>
          </li>
          <li>
            <Link href={modelPath(modelRef, "/history")} className="link">
              History and changes
            </Link>
          </li>
          <li>
            Download:{" "}
            <a className="link" href={modelPath(modelRef, "/report.json")}>
              report JSON
            </a>{" "}
            ·{" "}
            <a className="link" href={modelPath(modelRef, "/mof.yml")}>
              MOF YAML (for MOT)
            </a>{" "}
            ·{" "}
            <a className="link" href={modelPath(modelRef, "/report.md")}>
              Markdown
            </a>
          </li>
          <AibomLinks report={report} href={(file) => modelPath(modelRef, `/${file}`)} />
        </ul>
        <div className="pt-2">
          <ReauditForm action={modelPath(modelRef, "/reaudit")} />
        </div>
      </div>
      <div className="card min-w-0 space-y-2">
        <h2 className="text-lg font-semibold">Badge</h2>
        <BadgeSnippet report={report} badgeUrl={`${origin}${badgePath}`} pageUrl={`${origin}${modelPath(modelRef)}`} />
      </div>
    </section>
  );
}
