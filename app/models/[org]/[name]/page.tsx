import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditLink } from "@/components/audit-link";
import { modelPath, modelRefFromRoute } from "@/lib/report/model-ref";
import { ModelReport } from "./model-report";

interface ModelPageProps {
  params: Promise<{ org: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ModelPageProps): Promise<Metadata> {
  const { org, name } = await params;
  const ref = modelRefFromRoute(org, name);
  return ref
    ? { title: `${ref.id}: MOF openness report`, description: `How open is ${ref.id}? Its grade against the Model Openness Framework, with evidence.` }
    : {};
}

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The shell (title, links) renders at once with the report: stored, or streaming in as its audit runs. */
export default async function ModelPage({ params, searchParams }: ModelPageProps) {
  const { org, name } = await params;
  const query = await searchParams;
  const ref = modelRefFromRoute(org, name, one(query.source));
  if (ref === null) {
    notFound();
  }
  const upstream = ref.source === "github" ? `https://github.com/${ref.id}` : `https://huggingface.co/${ref.id}`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">MOF openness report</p>
        <h1 className="break-words text-3xl font-bold tracking-tight">{ref.id}</h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a href={upstream} className="link" rel="noopener noreferrer">
            {ref.source === "github" ? "On GitHub" : "On Hugging Face"}
          </a>
          <Link href={modelPath(ref, "/history")} className="link">
            History
          </Link>
          <AuditLink href={`/compare?m=${ref.id}`} className="link">
            Compare with other models
          </AuditLink>
        </p>
      </div>
      <ModelReport modelRef={ref} notice={one(query.notice)} retryAfter={one(query.retry)} />
    </div>
  );
}
