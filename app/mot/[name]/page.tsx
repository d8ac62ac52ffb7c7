import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditLink } from "@/components/audit-link";
import { FamilyLink } from "@/components/families/family-link";
import { SelfReportedNotice } from "@/components/registry/self-reported-notice";
import { BadgeSnippet } from "@/components/report/badge-snippet";
import { ReportBody } from "@/components/report/report-body";
import { osaidOf } from "@/lib/frameworks/osaid";
import { modelPath } from "@/lib/report/model-ref";
import { spdxIdsIn } from "@/lib/report/spdx-ids";
import { siteOrigin } from "@/lib/server/http/origin";
import { recordForRoute, recordPath } from "@/lib/server/loaders/record-page";
import { familyHref, siblingsOf } from "@/lib/server/loaders/registry-data";

interface RecordPageProps {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: RecordPageProps): Promise<Metadata> {
  const found = await recordForRoute((await params).name);
  return found
    ? {
        title: `${found.record.name}: self-reported to MOT`,
        description: `The MOF class ${found.record.name}'s own record in the Model Openness Tool gives, not verified.`,
      }
    : { title: "Unknown MOT record" };
}

const httpUrl = (value: unknown): string | null => (typeof value === "string" && /^https?:\/\/\S+$/.test(value.trim()) ? value.trim() : null);

/** A MOT record graded as MOT grades it, with the same report components as an audit, and labelled as a claim. */
export default async function RecordPage({ params }: RecordPageProps) {
  const found = await recordForRoute((await params).name);
  if (found === null) {
    notFound();
  }
  const { record, report } = found;
  const release = report.record.release;
  const audit = record.hfId
    ? { href: modelPath({ source: "hf", id: record.hfId }), label: `Audit ${record.hfId} against the evidence` }
    : record.githubRepo
      ? { href: modelPath({ source: "github", id: record.githubRepo }), label: `Audit github.com/${record.githubRepo} against the evidence` }
      : null;
  const repository = httpUrl(release.repository);
  const family = await siblingsOf(`mot:${record.name}`);
  const compareWith = record.hfId ? `,${record.hfId}` : "";
  const origin = siteOrigin();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">MOT record · {record.producer || "producer not named"}</p>
        <h1 className="break-words text-3xl font-bold tracking-tight">{record.name}</h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {record.hfId ? (
            <a href={`https://huggingface.co/${record.hfId}`} className="link" rel="noopener noreferrer">
              On Hugging Face
            </a>
          ) : null}
          {repository ? (
            <a href={repository} className="link" rel="noopener noreferrer nofollow">
              Repository
            </a>
          ) : null}
          {report.model.url ? (
            <a href={report.model.url} className="link" rel="noopener noreferrer">
              Record in MOT&apos;s repository
            </a>
          ) : null}
          <AuditLink href={`/compare?m=mot:${encodeURIComponent(record.name)}${compareWith}`} className="link">
            {record.hfId ? "Compare with the audit" : "Compare"}
          </AuditLink>
          {family ? <FamilyLink href={familyHref(family.key)} label={family.label} count={family.variants.length} /> : null}
        </p>
      </div>
      <SelfReportedNotice producer={record.producer} audit={audit} />
      <ReportBody report={report} spdxIds={spdxIdsIn(report)} osaid={osaidOf(report)} />
      <section aria-labelledby="export-heading" className="grid gap-6 md:grid-cols-2">
        <div className="card min-w-0 space-y-3">
          <h2 id="export-heading" className="text-lg font-semibold">
            Export
          </h2>
          <ul className="space-y-1 text-sm">
            <li>
              <a className="link" href={recordPath(record.name, "/mof.yml")}>
                MOT YAML record
              </a>{" "}
              (as the producer submitted it)
            </li>
            <li>
              <a className="link" href={recordPath(record.name, "/report.json")}>
                Report JSON
              </a>
            </li>
          </ul>
        </div>
        <div className="card min-w-0 space-y-2">
          <h2 className="text-lg font-semibold">Badge (self-reported class)</h2>
          <BadgeSnippet report={report} badgeUrl={`${origin}${recordPath(record.name, "/badge.svg")}`} pageUrl={`${origin}${recordPath(record.name)}`} />
        </div>
      </section>
    </div>
  );
}
