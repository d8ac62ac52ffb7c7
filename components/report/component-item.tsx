import type { ReactNode } from "react";
import { componentByCid } from "@/lib/mof/components";
import { sourceLabel } from "@/lib/report/display";
import type { ReportComponent } from "@/lib/report/schema";
import { ComponentHeading } from "./component-heading";
import { InlineCode } from "./inline-code";
import { LicenceName } from "./licence-name";
import { StatusPill } from "./status-pill";

export interface ComponentItemProps {
  component: ReportComponent;
  spdxIds: readonly string[];
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  if (!/^https?:\/\//.test(href)) {
    return <>{children}</>;
  }
  return (
    <a href={href} className="link break-all" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/** One MOF component: its verdict, the licence the engine resolved, every licence finding and the evidence. */
export function ComponentItem({ component, spdxIds }: ComponentItemProps) {
  const substitute = component.substitutedBy === null ? undefined : componentByCid(component.substitutedBy);
  return (
    <li className="py-3 [overflow-wrap:anywhere]" data-testid="component" data-cid={component.cid} data-status={component.status}>
      <ComponentHeading component={component} status={<StatusPill component={component} />} />
      <div className="mt-1 space-y-1 text-sm">
        {component.license !== null && component.license !== "" ? (
          <p>
            Licence: <LicenceName id={component.license} spdxIds={spdxIds} />
          </p>
        ) : null}
        {substitute ? <p className="text-zinc-600 dark:text-zinc-400">The {substitute.name.toLowerCase()} stands in for it.</p> : null}
        {component.unknownBecause.length > 0 ? (
          <p className="text-violet-800 dark:text-violet-300">Could not check: {component.unknownBecause.join(", ")}.</p>
        ) : null}
        {component.nextStep ? (
          <p className="text-zinc-700 dark:text-zinc-300" data-testid="component-next-step">
            <span className="font-medium">To fix:</span> <InlineCode text={component.nextStep.fix} />.{" "}
            <span className="text-zinc-600 dark:text-zinc-400">
              Looked at <InlineCode text={component.nextStep.looked} />.
            </span>
          </p>
        ) : null}
        {component.notes.length > 0 ? (
          <ul className="space-y-0.5" aria-label={`Seen but not counted for ${component.name}`}>
            {component.notes.map((note, index) => (
              <li key={`${note.url}-${index}`} className="text-zinc-700 dark:text-zinc-300">
                Seen, not counted: <ExternalLink href={note.url}>{note.what}</ExternalLink>
              </li>
            ))}
          </ul>
        ) : null}
        {component.licenses.length > 0 ? (
          <ul className="space-y-0.5" aria-label={`Licence findings for ${component.name}`}>
            {component.licenses.map((finding, index) => (
              <li key={`${finding.id}-${index}`} className="text-zinc-700 dark:text-zinc-300">
                <LicenceName id={finding.id} spdxIds={spdxIds} />
                {finding.open ? null : <span className="ml-1 font-medium text-rose-800 dark:text-rose-300">not open</span>}
                {finding.open && !finding.typeAppropriate ? (
                  <span className="ml-1 font-medium text-amber-800 dark:text-amber-300">not type-appropriate</span>
                ) : null}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {" "}
                  from <ExternalLink href={finding.url}>{finding.from}</ExternalLink> ({sourceLabel(finding.source)})
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {component.evidence.length > 0 ? (
          <ul className="space-y-0.5" aria-label={`Evidence for ${component.name}`}>
            {component.evidence.map((item, index) => (
              <li key={`${item.url}-${index}`} className="text-zinc-700 dark:text-zinc-300">
                <span aria-hidden="true">↗ </span>
                <ExternalLink href={item.url}>{item.what}</ExternalLink>
                <span className="text-zinc-600 dark:text-zinc-400"> ({sourceLabel(item.source)})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
