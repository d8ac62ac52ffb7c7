import { AuditLink } from "@/components/audit-link";
import { ClassifyBox } from "@/components/classify-box";
import { IndexHeadline } from "@/components/index/index-headline";
import { RecentModels } from "@/components/recent-models";
import { UrlForm } from "@/components/url-form";
import { snapshotStore } from "@/lib/db/snapshots";
import { indexHeadline } from "@/lib/server/loaders/leaderboard";
import { EXAMPLE_MODELS } from "@/lib/server/pages/examples";

// the recent list reads the database on every request
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [recent, graded] = await Promise.all([snapshotStore().recent(10), indexHeadline()]);
  return (
    <div className="space-y-12">
      <section aria-labelledby="audit-heading" className="space-y-4">
        <h1 id="audit-heading" className="text-3xl font-bold tracking-tight sm:text-4xl">
          How open is this model release?
        </h1>
        <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">
          Paste a Hugging Face or GitHub URL. mofscope checks all 17 components of the Model Openness Framework, grades the release Class I, II or III, and
          links the evidence behind every verdict.
        </p>
        <UrlForm />
        <div className="text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Try: </span>
          <ul className="inline">
            {EXAMPLE_MODELS.map((id, index) => (
              <li key={id} className="inline">
                {index > 0 ? <span aria-hidden="true"> · </span> : null}
                <AuditLink href={`/models/${id}`} className="link">
                  {id}
                </AuditLink>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="index-heading" className="space-y-3">
        <h2 id="index-heading" className="text-xl font-semibold">
          The openness index
        </h2>
        <IndexHeadline distribution={graded} />
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-xl font-semibold">
          Recently audited
        </h2>
        <RecentModels items={recent} />
      </section>

      <section aria-labelledby="classify-heading" className="space-y-3">
        <h2 id="classify-heading" className="text-xl font-semibold">
          Classify a MOF YAML record
        </h2>
        <p className="max-w-2xl text-sm text-zinc-700 dark:text-zinc-300">
          Have a self-reported record in the Model Openness Tool format? Paste it or upload the file; it is classified exactly as MOT does.
        </p>
        <ClassifyBox />
      </section>
    </div>
  );
}
