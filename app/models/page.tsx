import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ModelsFilterForm } from "@/components/registry/models-filter-form";
import { ModelsTable } from "@/components/registry/models-table";
import { Pagination } from "@/components/registry/pagination";
import { defaultRegistry } from "@/lib/registry/default";
import { facetsWithAudited } from "@/lib/registry/list-facets";
import { canonicalRedirect, lastPage, modelsHref, PAGE_SIZE, parseModelsParams, toListQuery } from "@/lib/registry/models-url";
import { auditedRows } from "@/lib/server/loaders/registry-data";

export const metadata: Metadata = {
  title: "Models",
  description: "Every model the Model Openness Tool lists, as self-reported, beside every model mofscope has audited.",
};

interface ModelsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Every model MOT knows and every audited one, filtered, sorted and paged in SQL. */
export default async function ModelsPage({ searchParams }: ModelsPageProps) {
  const search = await searchParams;
  // the URL always reads as the query: a submitted form's empty fields and defaults are dropped
  const canonical = canonicalRedirect(search);
  if (canonical !== null) {
    redirect(canonical);
  }
  const params = parseModelsParams(search);
  const registry = defaultRegistry();
  const audited = await auditedRows();
  const { total, rows } = await registry.list(toListQuery(params), audited);
  const last = lastPage(total);
  if (params.page > last) {
    redirect(modelsHref(params, { page: last }));
  }
  const registryFacets = await registry.facets();
  const recordCount = registryFacets.classes.reduce((n, c) => n + c.count, 0);
  const facets = facetsWithAudited(registryFacets, audited);
  const first = (params.page - 1) * PAGE_SIZE + 1;
  const filtered = params.q !== "" || params.class !== "" || params.org !== "" || params.license !== "";
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Models</h1>
        <p className="max-w-3xl text-zinc-700 dark:text-zinc-300">
          The {recordCount} models listed in the Model Openness Tool, graded from what their producers <em>self-reported to MOT</em>
          {audited.length === 0 ? (
            <>
              ; none has been <em>audited</em> against the evidence yet (paste a URL on the{" "}
              <Link href="/" className="link">
                home page
              </Link>
              )
            </>
          ) : (
            <>
              , beside the {audited.length} {audited.length === 1 ? "model" : "models"} mofscope has <em>audited</em> against the evidence
            </>
          )}
          . Also see{" "}
          <Link href="/families" className="link">
            model families
          </Link>
          .
        </p>
      </div>
      <ModelsFilterForm params={params} facets={facets} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="models-total" role="status">
        {total === 0
          ? "No models match these filters."
          : `${first}–${Math.min(total, first + rows.length - 1)} of ${total} ${total === 1 ? "model" : "models"}${filtered ? " matching the filters" : ""}`}
      </p>
      {rows.length > 0 ? <ModelsTable rows={rows} /> : null}
      <Pagination params={params} total={total} />
    </div>
  );
}
