/** Holds the report's place while the audit runs, at the size the report will take, so nothing jumps. */
export function ReportSkeleton() {
  const bar = "rounded bg-zinc-200 dark:bg-zinc-800";
  return (
    <div className="animate-pulse space-y-8 motion-reduce:animate-none" aria-busy="true" aria-live="polite">
      <p className="sr-only">Auditing the release; this takes a few seconds.</p>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-3">
          <div className="flex items-center gap-4">
            <div className={`h-20 w-20 rounded-xl ${bar}`} />
            <div className="space-y-2">
              <div className={`h-7 w-36 ${bar}`} />
              <div className={`h-5 w-28 ${bar}`} />
            </div>
          </div>
          <div className={`h-10 w-64 ${bar}`} />
        </div>
        <div className="space-y-3">
          {[0, 1, 2].map((i) => (
            <div key={i} className="space-y-1">
              <div className={`h-5 w-full ${bar}`} />
              <div className={`h-2.5 w-full rounded-full ${bar}`} />
            </div>
          ))}
        </div>
      </div>
      <div className={`h-28 w-full ${bar}`} />
      <div className="space-y-3">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className={`h-12 w-full ${bar}`} />
        ))}
      </div>
    </div>
  );
}
