import type { Osaid } from "@/lib/frameworks/osaid";
import { LICENCE_TEST_LABELS } from "@/lib/frameworks/osaid/display";
import { sourceLabel, statusView } from "@/lib/report/display";
import { OsaidPill } from "./osaid-pill";

export interface OsaidSectionProps {
  osaid: Osaid;
}

const external = (url: string) => /^https?:\/\//.test(url);

/** Each OSAID requirement: its verdict, the MOF components it rests on, the licence test, evidence and reason. */
export function OsaidSection({ osaid }: OsaidSectionProps) {
  return (
    <section id="osaid" aria-labelledby="osaid-heading" className="space-y-4" data-testid="osaid">
      <div className="space-y-1">
        <h2 id="osaid-heading" className="text-lg font-semibold">
          Open Source AI Definition {osaid.definition.version}
        </h2>
        <p className="text-sm">
          <OsaidPill status={osaid.verdict} unknownKinds={osaid.unknownKinds} /> <span className="align-middle">{osaid.reason}</span>
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Read from the same components and evidence as the MOF grade, with OSI&apos;s{" "}
          <a className="link" href={osaid.definition.url} rel="noopener noreferrer">
            definition
          </a>{" "}
          and its{" "}
          <a className="link" href={osaid.definition.checklist} rel="noopener noreferrer">
            checklist
          </a>
          .
        </p>
      </div>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {osaid.requirements.map((r) => (
          <li key={r.key} id={`osaid-${r.key}`} className="py-3 [overflow-wrap:anywhere]" data-testid="osaid-requirement" data-status={r.status}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className="font-medium">{r.name}</h3>
              <OsaidPill status={r.status} unknownKinds={r.unknownKind ? [r.unknownKind] : []} />
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {r.element} · {LICENCE_TEST_LABELS[r.licenseTest]}
              </span>
            </div>
            <p className="mt-1 text-sm">{r.reason}</p>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              MOF components:{" "}
              {r.components.map((c, index) => (
                <span key={c.cid}>
                  {index > 0 ? ", " : ""}
                  {c.name} ({statusView({ status: c.status, required: true }).label.toLowerCase()}
                  {c.license ? `, ${c.license}` : ""})
                </span>
              ))}
            </p>
            {r.evidence.length > 0 ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Evidence ({r.evidence.length})</summary>
                <ul className="mt-1 space-y-0.5" aria-label={`Evidence for ${r.name}`}>
                  {r.evidence.map((e) => (
                    <li key={e.url}>
                      <span aria-hidden="true">↗ </span>
                      {external(e.url) ? (
                        <a href={e.url} className="link break-all" rel="noopener noreferrer nofollow">
                          {e.what}
                        </a>
                      ) : (
                        e.what
                      )}
                      <span className="text-zinc-600 dark:text-zinc-400"> ({sourceLabel(e.source)})</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {osaid.disagreements.length > 0 ? (
        <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h3 className="font-semibold">Where MOF and OSAID disagree</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="osaid-disagreements">
            {osaid.disagreements.map((d) => (
              <li key={d.cid}>{d.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
