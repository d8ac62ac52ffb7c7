import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/report/diff-view";
import { snapshotStore } from "@/lib/db/snapshots";
import { diffReports } from "@/lib/report/diff";
import { classTitle, formatTime } from "@/lib/report/display";
import { modelPath, modelRefFromRoute } from "@/lib/report/model-ref";

interface HistoryPageProps {
  params: Promise<{ org: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "History" };

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Every snapshot of a model, and what changed between two of them (by default the two newest). */
export default async function HistoryPage({ params, searchParams }: HistoryPageProps) {
  const { org, name } = await params;
  const query = await searchParams;
  const ref = modelRefFromRoute(org, name, one(query.source));
  if (ref === null) {
    notFound();
  }
  const store = snapshotStore();
  const snapshots = await store.history(ref.source, ref.id);
  const toId = one(query.to) ?? snapshots[0]?.id;
  const fromId = one(query.from) ?? snapshots[1]?.id;
  const [to, from] = await Promise.all([toId ? store.get(toId) : null, fromId ? store.get(fromId) : null]);
  const comparable = to && from && to.model.id.toLowerCase() === from.model.id.toLowerCase();
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">History</p>
        <h1 className="break-words text-3xl font-bold tracking-tight">{ref.id}</h1>
        <Link href={modelPath(ref)} className="link text-sm">
          Latest report
        </Link>
      </div>
      {snapshots.length === 0 ? (
        <p>No snapshots yet. Open the latest report to run the first audit.</p>
      ) : (
        <section aria-labelledby="snapshots-heading" className="space-y-3">
          <h2 id="snapshots-heading" className="text-lg font-semibold">
            Snapshots ({snapshots.length})
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-300 dark:border-zinc-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Taken
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Class
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    Permalink
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {snapshots.map((s) => (
                  <tr key={s.id}>
                    <td className="py-2 pr-4">{formatTime(s.createdAt)}</td>
                    <td className="py-2 pr-4">
                      {classTitle(s.class)}
                      {s.provisional ? " (provisional)" : ""}
                    </td>
                    <td className="py-2">
                      <Link href={`/r/${s.id}`} className="link font-mono">
                        {s.id}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {snapshots.length > 1 ? (
        <section aria-labelledby="changes-heading" className="card space-y-4">
          <h2 id="changes-heading" className="text-lg font-semibold">
            What changed
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3">
            {ref.source === "github" ? <input type="hidden" name="source" value="github" /> : null}
            {(["from", "to"] as const).map((field) => (
              <div key={field}>
                <label htmlFor={`diff-${field}`} className="mb-1 block text-sm font-medium">
                  {field === "from" ? "From" : "To"}
                </label>
                <select id={`diff-${field}`} name={field} defaultValue={field === "from" ? fromId : toId} className="field w-auto">
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {formatTime(s.createdAt)} · {classTitle(s.class)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" className="btn">
              Show changes
            </button>
          </form>
          {comparable ? <DiffView diff={diffReports(from, to)} /> : <p>Pick two snapshots of this model.</p>}
        </section>
      ) : null}
    </div>
  );
}
