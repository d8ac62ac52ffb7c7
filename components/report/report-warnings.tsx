import type { Report } from "@/lib/report/schema";

/** What the engine noticed about the record itself (MOT's quirks included). */
export function ReportWarnings({ warnings }: { warnings: Report["warnings"] }) {
  if (warnings.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="warnings-heading">
      <h2 id="warnings-heading" className="mb-2 text-lg font-semibold">
        Record warnings
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {warnings.map((w, index) => (
          <li key={`${w.path}-${index}`}>
            <code className="font-mono text-xs">{w.path}</code>: {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
