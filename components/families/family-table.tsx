import { AuditLink } from "@/components/audit-link";
import type { Family, FamilyVariant } from "@/lib/families";
import { COMPONENTS_BY_WEIGHT, type ComponentSpec } from "@/lib/mof/components";
import { CLASS_COLOURS, classTitle } from "@/lib/report/display";
import { SourceTag } from "../registry/source-tag";
import { StatusPill } from "../report/status-pill";
import { asStatus, oddCells } from "./odd-cells";

export interface FamilyTableProps {
  family: Family;
  /** The page of each variant, by variant key. */
  hrefs: Readonly<Record<string, string>>;
}

/** Up to this many variants, the variants are the columns (components as rows); more, and each variant is a row. */
const VARIANTS_AS_COLUMNS = 5;

const displayName = (v: FamilyVariant) => (v.source === "mot" ? v.name : v.key.replace(/^[a-z]+:/, ""));
const cell = "border-b border-zinc-200 px-3 py-2 align-top dark:border-zinc-800";
// the first column stays in view while the rest scroll past
const sticky = "sticky left-0 z-10 bg-white dark:bg-zinc-950";

function VariantName({ variant, href }: { variant: FamilyVariant; href: string | undefined }) {
  return (
    <>
      {href ? (
        <AuditLink href={href} className="link">
          {displayName(variant)}
        </AuditLink>
      ) : (
        displayName(variant)
      )}
      <span className="mt-1 block font-normal">
        <SourceTag source={variant.source} />
      </span>
    </>
  );
}

function ClassCell({ variant }: { variant: FamilyVariant }) {
  return (
    <span className="whitespace-nowrap">
      <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: CLASS_COLOURS[variant.class] }} aria-hidden="true" />
      {classTitle(variant.class)}
    </span>
  );
}

function StatusCell({ variant, spec, odd }: { variant: FamilyVariant; spec: ComponentSpec; odd: boolean }) {
  return (
    <td className={`${cell} whitespace-nowrap ${odd ? "bg-amber-50 dark:bg-amber-950/40" : ""}`} data-odd={odd}>
      <StatusPill component={{ status: asStatus(variant.statuses[spec.name]), required: spec.required }} />
      {odd ? (
        <span className="ml-1 text-xs font-semibold text-amber-900 dark:text-amber-200">
          ≠<span className="sr-only"> differs</span>
        </span>
      ) : null}
    </td>
  );
}

/** The variants side by side on the components that differ (cells that set a variant apart tinted and marked), the rest listed once. */
export function FamilyTable({ family, hrefs }: FamilyTableProps) {
  const differing = COMPONENTS_BY_WEIGHT.filter((c) => family.differing.includes(c.name));
  const same = COMPONENTS_BY_WEIGHT.filter((c) => !family.differing.includes(c.name));
  const odd = oddCells(
    family.variants,
    differing.map((c) => c.name),
  );
  const byColumns = family.variants.length <= VARIANTS_AS_COLUMNS;
  return (
    <div className="space-y-6">
      <section aria-labelledby="family-differs-heading" className="space-y-2">
        <h2 id="family-differs-heading" className="text-lg font-semibold">
          {differing.length === 0 ? "Every variant has the same components" : `${differing.length} components differ between the variants`}
        </h2>
        {differing.length > 0 ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            A tinted cell marked <span className="font-semibold">≠</span> differs from what most variants have (every cell, where no status has a majority).
            {!byColumns && differing.length > 4 ? " The table scrolls sideways." : ""}
          </p>
        ) : null}
        <div className="relative overflow-x-auto" role="region" aria-label="Variants and the components that differ" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-testid="family-table">
            {byColumns ? (
              <>
                <thead>
                  <tr className="align-bottom">
                    <th scope="col" className={`${cell} ${sticky} min-w-36`}>
                      Component
                    </th>
                    {family.variants.map((v) => (
                      <th
                        key={v.key}
                        scope="col"
                        className={`${cell} font-medium [overflow-wrap:anywhere]`}
                        data-testid="family-variant"
                        data-source={v.source}
                      >
                        <VariantName variant={v} href={hrefs[v.key]} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row" className={`${cell} ${sticky} font-medium`}>
                      MOF class
                    </th>
                    {family.variants.map((v) => (
                      <td key={v.key} className={cell}>
                        <ClassCell variant={v} />
                      </td>
                    ))}
                  </tr>
                  {differing.map((spec) => (
                    <tr key={spec.cid}>
                      <th scope="row" className={`${cell} ${sticky} font-medium`}>
                        {spec.name}
                      </th>
                      {family.variants.map((v) => (
                        <StatusCell key={v.key} variant={v} spec={spec} odd={odd.has(`${v.key}\u0000${spec.name}`)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </>
            ) : (
              <>
                <thead>
                  <tr className="align-bottom">
                    <th scope="col" className={`${cell} ${sticky} min-w-36`}>
                      Variant
                    </th>
                    <th scope="col" className={cell}>
                      Class
                    </th>
                    {differing.map((c) => (
                      <th key={c.cid} scope="col" className={`${cell} min-w-32 font-semibold`}>
                        {c.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {family.variants.map((v) => (
                    <tr key={v.key} data-testid="family-variant" data-source={v.source}>
                      <th scope="row" className={`${cell} ${sticky} font-medium [overflow-wrap:anywhere]`}>
                        <VariantName variant={v} href={hrefs[v.key]} />
                      </th>
                      <td className={cell}>
                        <ClassCell variant={v} />
                      </td>
                      {differing.map((spec) => (
                        <StatusCell key={spec.cid} variant={v} spec={spec} odd={odd.has(`${v.key}\u0000${spec.name}`)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </>
            )}
          </table>
        </div>
      </section>
      {same.length > 0 ? (
        <section aria-labelledby="family-same-heading" className="space-y-2">
          <h2 id="family-same-heading" className="text-lg font-semibold">
            The same in every variant
          </h2>
          <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="family-same">
            {same.map((c) => (
              <li key={c.cid} className="flex items-center justify-between gap-3 border-b border-zinc-100 py-1 dark:border-zinc-900">
                <span>{c.name}</span>
                <StatusPill component={{ status: asStatus(family.variants[0]?.statuses[c.name]), required: c.required }} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
