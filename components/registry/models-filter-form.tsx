import Link from "next/link";
import { classTitle } from "@/lib/report/display";
import type { Facets } from "@/lib/registry/store";
import { type ModelsParams, SORTS } from "@/lib/registry/models-url";

export interface ModelsFilterFormProps {
  params: ModelsParams;
  facets: Facets;
}

/** A plain GET form: it works without JavaScript and every query is a shareable URL. */
export function ModelsFilterForm({ params, facets }: ModelsFilterFormProps) {
  const label = "mb-1 block text-sm font-medium";
  return (
    <form method="get" action="/models" role="search" aria-label="Filter models" className="grid gap-3 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800">
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="models-q" className={label}>
          Name
        </label>
        <input id="models-q" name="q" type="search" defaultValue={params.q} placeholder="e.g. olmo" className="field" autoComplete="off" spellCheck={false} />
      </div>
      <div>
        <label htmlFor="models-class" className={label}>
          Class
        </label>
        <select id="models-class" name="class" defaultValue={params.class} className="field">
          <option value="">Any class</option>
          {facets.classes.map((c) => (
            <option key={c.class} value={String(c.class)}>
              {classTitle(c.class)} ({c.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="models-org" className={label}>
          Organisation
        </label>
        <select id="models-org" name="org" defaultValue={params.org} className="field">
          <option value="">Any organisation</option>
          {facets.producers.map((p) => (
            <option key={p.producer} value={p.producer}>
              {p.producer} ({p.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="models-license" className={label}>
          Licence
        </label>
        <select id="models-license" name="license" defaultValue={params.license} className="field">
          <option value="">Any licence</option>
          {facets.licenses.map((l) => (
            <option key={l.license} value={l.license}>
              {l.license} ({l.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="models-sort" className={label}>
          Sort
        </label>
        <select id="models-sort" name="sort" defaultValue={params.sort} className="field">
          {Object.entries(SORTS).map(([value, sort]) => (
            <option key={value} value={value}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>
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
