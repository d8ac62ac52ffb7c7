import type { Metadata } from "next";
import Link from "next/link";
import { CLASS_COLOURS, classTitle } from "@/lib/report/display";
import { allFamilies, familyHref } from "@/lib/server/loaders/registry-data";

export const metadata: Metadata = { title: "Model families" };

/** Every family of two or more releases, largest first. */
export default async function FamiliesPage() {
  const families = await allFamilies();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Model families</h1>
        <p className="max-w-3xl text-zinc-700 dark:text-zinc-300">
          Releases that differ only in size, tuning, revision or checkpoint, grouped by organisation and name, with MOT records and audits together.{" "}
          {families.length} families have two or more variants.
        </p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="families">
        {families.map((family) => {
          const best = Math.min(...family.variants.map((v) => (v.class === 0 ? 4 : v.class)));
          const cls = (best === 4 ? 0 : best) as 0 | 1 | 2 | 3;
          return (
            <li key={family.key} className="card min-w-0">
              <Link href={familyHref(family.key)} className="link font-semibold [overflow-wrap:anywhere]">
                {family.label}
              </Link>
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
                {family.variants.length} variants · best{" "}
                <span className="mx-0.5 inline-block h-2 w-2 rounded-full" style={{ backgroundColor: CLASS_COLOURS[cls] }} aria-hidden="true" />
                {classTitle(cls)}
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {family.differing.length === 0 ? "same components in all" : `${family.differing.length} components differ`}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
