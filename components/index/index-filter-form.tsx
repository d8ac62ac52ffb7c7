import Link from "next/link";
import { FILTER_LABEL, FilterSelect } from "@/components/filter-select";
import { classTitle } from "@/lib/report/display";
import type { FacetCount } from "@/lib/report/index-entry";
import type { IndexFilter, IndexSort } from "@/lib/report/index-params";

export interface IndexFilterFormProps {
  filter: IndexFilter;
  sort: IndexSort;
  licences: readonly FacetCount[];
  pipelines: readonly FacetCount[];
}

const SORT_LABELS: Record<IndexSort, string> = { openness: "Most open first", downloads: "Most downloaded first", audited: "Latest audited first" };

const facetOptions = (facets: readonly FacetCount[]) => facets.map((f) => ({ value: f.value, text: `${f.value} (${f.models})` }));

/** A plain GET form: it works without JavaScript and every view of the index is a shareable URL. */
export function IndexFilterForm({ filter, sort, licences, pipelines }: IndexFilterFormProps) {
  return (
    <form
      method="get"
      action="/index"
      role="search"
      aria-label="Filter the index"
      className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 p-4 lg:grid-cols-3 dark:border-zinc-800"
    >
      <div className="col-span-2 min-w-0 lg:col-span-1">
        <label htmlFor="index-org" className={FILTER_LABEL}>
          Organisation
        </label>
        <input
          id="index-org"
          name="org"
          type="search"
          defaultValue={filter.org ?? ""}
          placeholder="e.g. allenai"
          className="field"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <FilterSelect
        form="index"
        name="class"
        label="Class"
        value={filter.class === undefined ? "" : String(filter.class)}
        any="Any class"
        options={([1, 2, 3, 0] as const).map((cls) => ({ value: String(cls), text: classTitle(cls) }))}
      />
      <FilterSelect form="index" name="licence" label="Licence" value={filter.licence ?? ""} any="Any licence" options={facetOptions(licences)} />
      <FilterSelect form="index" name="pipeline" label="Pipeline" value={filter.pipeline ?? ""} any="Any pipeline" options={facetOptions(pipelines)} />
      <FilterSelect
        form="index"
        name="stale"
        label="Freshness"
        value={filter.stale === undefined ? "" : String(filter.stale)}
        any="Fresh or stale"
        options={[
          { value: "false", text: "Audit matches the latest commit" },
          { value: "true", text: "Stale: newer commit since the audit" },
        ]}
      />
      <FilterSelect
        form="index"
        name="sort"
        className="col-span-2 lg:col-span-1"
        label="Sort"
        value={sort}
        options={Object.entries(SORT_LABELS).map(([value, text]) => ({ value, text }))}
      />
      <div className="col-span-2 flex items-center gap-4 lg:col-span-3">
        <button type="submit" className="btn">
          Show models
        </button>
        <Link href="/index" className="link text-sm">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
