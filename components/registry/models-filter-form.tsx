import Link from "next/link";
import { FILTER_LABEL, FilterSelect } from "@/components/filter-select";
import { type ModelsParams, SORTS } from "@/lib/registry/models-url";
import type { Facets } from "@/lib/registry/store";
import { classTitle } from "@/lib/report/display";

export interface ModelsFilterFormProps {
  params: ModelsParams;
  facets: Facets;
}

/** A plain GET form: it works without JavaScript and every query is a shareable URL. */
export function ModelsFilterForm({ params, facets }: ModelsFilterFormProps) {
  return (
    <form
      method="get"
      action="/models"
      role="search"
      aria-label="Filter models"
      className="grid gap-3 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800"
    >
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="models-q" className={FILTER_LABEL}>
          Name
        </label>
        <input id="models-q" name="q" type="search" defaultValue={params.q} placeholder="e.g. olmo" className="field" autoComplete="off" spellCheck={false} />
      </div>
      <FilterSelect
        form="models"
        name="class"
        label="Class"
        value={params.class}
        any="Any class"
        options={facets.classes.map((c) => ({ value: String(c.class), text: `${classTitle(c.class)} (${c.count})` }))}
      />
      <FilterSelect
        form="models"
        name="org"
        label="Organisation"
        value={params.org}
        any="Any organisation"
        options={facets.producers.map((p) => ({ value: p.producer, text: `${p.producer} (${p.count})` }))}
      />
      <FilterSelect
        form="models"
        name="license"
        label="Licence"
        value={params.license}
        any="Any licence"
        options={facets.licenses.map((l) => ({ value: l.license, text: `${l.license} (${l.count})` }))}
      />
      <FilterSelect
        form="models"
        name="sort"
        label="Sort"
        value={params.sort}
        options={Object.entries(SORTS).map(([value, sort]) => ({ value, text: sort.label }))}
      />
      <div className="flex items-center gap-4 self-end sm:col-span-2 lg:col-span-1">
        <button type="submit" className="btn">
          Show models
        </button>
        <Link href="/models" className="link text-sm">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
