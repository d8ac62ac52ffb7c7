import type { ReactNode } from "react";

export interface ComponentHeadingProps {
  component: { name: string; type: string; required: boolean };
  /** The status pill, or what stands in for it while the component is checked. */
  status: ReactNode;
}

/** A component's name, type and whether it is optional, with its status beside them. */
export function ComponentHeading({ component, status }: ComponentHeadingProps) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
      <div>
        <h4 className="font-medium">{component.name}</h4>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {component.type}
          {component.required ? "" : " · optional"}
        </p>
      </div>
      {status}
    </div>
  );
}
