import { AuditLink } from "@/components/audit-link";
import { OSAID_REQUIREMENTS, type Osaid, osaidOf } from "@/lib/frameworks/osaid";
import { CLASS_NAMES, COMPONENTS } from "@/lib/mof/components";
import { classTitle, formatPercent } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";
import { OsaidPill } from "../report/osaid-pill";
import { StatusPill } from "../report/status-pill";

export interface CompareColumn {
  key: string;
  title: string;
  href: string;
  report: Report | null;
  /** Why there is no report for this column. */
  problem?: string;
}

export interface CompareMatrixProps {
  columns: readonly CompareColumn[];
}

const CELL = "border-b border-zinc-200 px-3 py-2 align-top dark:border-zinc-800";

function Differs({ differs }: { differs: boolean }) {
  return differs ? <span className="ml-1 text-xs font-normal text-amber-900 dark:text-amber-200">(differs)</span> : null;
}

/** The OSAID verdict and each requirement, model by model, beside the MOF classes. */
function OsaidRows({ columns }: CompareMatrixProps) {
  const verdicts: (Osaid | null)[] = columns.map((col) => (col.report ? osaidOf(col.report) : null));
  const rows = [
    { key: "verdict", name: "Verdict", cells: verdicts.map((o) => (o ? { status: o.verdict, kinds: o.unknownKinds } : null)) },
    ...OSAID_REQUIREMENTS.map((spec) => ({
      key: spec.key,
      name: spec.name,
      cells: verdicts.map((o) => {
        const r = o?.requirements.find((x) => x.key === spec.key);
        return r ? { status: r.status, kinds: r.unknownKind ? [r.unknownKind] : [] } : null;
      }),
    })),
  ];
  return (
    <tbody data-testid="compare-osaid">
      <tr>
        <th
          scope="rowgroup"
          colSpan={columns.length + 1}
          className="px-3 pb-1 pt-4 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
        >
          Open Source AI Definition 1.0
        </th>
      </tr>
      {rows.map((row) => {
        const differs = new Set(row.cells.filter((c) => c !== null).map((c) => `${c.status}:${c.kinds.join()}`)).size > 1;
        return (
          <tr key={row.key} className={differs ? "bg-amber-50 dark:bg-amber-950/40" : undefined} data-osaid-differs={differs}>
            <th scope="row" className={`${CELL} ${row.key === "verdict" ? "font-semibold" : "font-medium"}`}>
              {row.name}
              <Differs differs={differs} />
            </th>
            {row.cells.map((c, index) => (
              <td key={columns[index]?.key ?? index} className={CELL}>
                {c ? <OsaidPill status={c.status} unknownKinds={c.kinds} /> : "—"}
              </td>
            ))}
          </tr>
        );
      })}
    </tbody>
  );
}

/** Components × models; rows where the models differ are marked, in text as well as colour. */
export function CompareMatrix({ columns }: CompareMatrixProps) {
  const cell = CELL;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Comparison table">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="compare-matrix">
        <thead>
          <tr>
            <th scope="col" className={`${cell} w-56`}>
              Component
            </th>
            {columns.map((col) => (
              <th key={col.key} scope="col" className={`${cell} font-semibold`}>
                <AuditLink href={col.href} className="link break-all">
                  {col.title}
                </AuditLink>
              </th>
            ))}
          </tr>
          <tr className="bg-zinc-50 dark:bg-zinc-900" data-testid="compare-classes">
            <th scope="row" className={cell}>
              MOF class
            </th>
            {columns.map((col) => (
              <td key={col.key} className={cell}>
                {col.report ? (
                  <>
                    <span className="font-semibold">{classTitle(col.report.class)}</span>
                    {col.report.provisional ? " (provisional)" : ""}
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                      III {formatPercent(col.report.progress[3])} · II {formatPercent(col.report.progress[2])} · I {formatPercent(col.report.progress[1])}
                    </span>
                  </>
                ) : (
                  <span className="text-rose-800 dark:text-rose-300">{col.problem ?? "No report"}</span>
                )}
              </td>
            ))}
          </tr>
        </thead>
        <OsaidRows columns={columns} />
        {([3, 2, 1] as const).map((cls) => (
          <tbody key={cls}>
            <tr>
              <th
                scope="rowgroup"
                colSpan={columns.length + 1}
                className="px-3 pb-1 pt-4 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
              >
                {classTitle(cls)} · {CLASS_NAMES[cls]}
              </th>
            </tr>
            {COMPONENTS.filter((c) => c.class === cls).map((spec) => {
              const found = columns.map((col) => col.report?.components.find((c) => c.cid === spec.cid) ?? null);
              const statuses = new Set(found.filter((c) => c !== null).map((c) => c.status));
              const differs = statuses.size > 1;
              return (
                <tr key={spec.cid} className={differs ? "bg-amber-50 dark:bg-amber-950/40" : undefined} data-differs={differs}>
                  <th scope="row" className={`${cell} font-medium`}>
                    {spec.name}
                    <Differs differs={differs} />
                  </th>
                  {found.map((component, index) => (
                    <td key={columns[index]?.key ?? index} className={cell}>
                      {component ? (
                        <>
                          <StatusPill component={component} />
                          {component.license ? <span className="mt-1 block font-mono text-xs">{component.license}</span> : null}
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
