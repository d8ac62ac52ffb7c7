import { AuditLink } from "@/components/audit-link";
import type { ModelRow } from "@/lib/registry/store";
import { CLASS_COLOURS, classTitle } from "@/lib/report/display";
import { modelPath } from "@/lib/report/model-ref";
import { SourceTag } from "./source-tag";

export interface ModelsTableProps {
  rows: readonly ModelRow[];
}

/** The page of a row: a registry record's self-reported report, or an audited model's latest report. */
export function rowHref(row: Pick<ModelRow, "source" | "id">): string {
  return row.source === "mot" ? `/mot/${encodeURIComponent(row.id)}` : modelPath({ source: row.source, id: row.id });
}

/** One page of the list; licences and dates give way to the name on a phone. */
export function ModelsTable({ rows }: ModelsTableProps) {
  const cell = "border-b border-zinc-200 px-3 py-2 align-top dark:border-zinc-800";
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid="models-table">
      <thead>
        <tr className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          <th scope="col" className={cell}>
            Model
          </th>
          <th scope="col" className={`${cell} hidden sm:table-cell`}>
            Organisation
          </th>
          <th scope="col" className={cell}>
            Class
          </th>
          <th scope="col" className={`${cell} hidden md:table-cell`}>
            Licences
          </th>
          <th scope="col" className={`${cell} hidden sm:table-cell`}>
            Date
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.source}:${row.id}`} data-testid="model-row" data-source={row.source}>
            <td className={`${cell} [overflow-wrap:anywhere]`}>
              <AuditLink href={rowHref(row)} className="link font-medium">
                {row.source === "mot" ? row.name : row.id}
              </AuditLink>
              <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
                <SourceTag source={row.source} />
                <span className="text-xs text-zinc-600 sm:hidden dark:text-zinc-400">{row.producer}</span>
              </span>
            </td>
            <td className={`${cell} hidden sm:table-cell`}>{row.producer || <span className="text-zinc-500">—</span>}</td>
            <td className={`${cell} whitespace-nowrap`}>
              <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: CLASS_COLOURS[row.class] }} aria-hidden="true" />
              {classTitle(row.class)}
            </td>
            <td className={`${cell} hidden font-mono text-xs md:table-cell [overflow-wrap:anywhere]`}>{row.licenses.join(", ") || "—"}</td>
            <td className={`${cell} hidden whitespace-nowrap tabular-nums sm:table-cell`}>{row.date ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
