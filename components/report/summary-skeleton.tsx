import { SKELETON_BAR as bar } from "./pending-component";

/** Holds the summary's place (grade, progress, next steps) until the audit ends, at the size it will take. */
export function SummarySkeleton() {
  return (
    <div className="animate-pulse space-y-8 motion-reduce:animate-none" aria-busy="true">
      <p className="sr-only">Auditing the release; each component appears as the sources it needs answer, the grade last.</p>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-3">
          <div className="flex items-center gap-4">
            <div className={`h-20 w-20 rounded-xl ${bar}`} />
            <div className="space-y-2">
              <div className={`h-7 w-36 ${bar}`} />
              <div className={`h-5 w-28 ${bar}`} />
            </div>
          </div>
          <div className="flex items-center gap-4">
            <div className={`h-14 w-20 rounded-xl ${bar}`} />
            <div className={`h-16 w-full max-w-72 ${bar}`} />
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
    </div>
  );
}
