import { spdxUrl } from "@/lib/report/display";

export interface LicenceNameProps {
  id: string;
  spdxIds: readonly string[];
}

/** A licence id, linked to its SPDX page when it is an SPDX id. */
export function LicenceName({ id, spdxIds }: LicenceNameProps) {
  if (!spdxIds.includes(id)) {
    return <code className="font-mono text-[0.85em]">{id}</code>;
  }
  return (
    <a href={spdxUrl(id)} className="link font-mono text-[0.85em]" rel="noopener noreferrer">
      {id}
    </a>
  );
}
