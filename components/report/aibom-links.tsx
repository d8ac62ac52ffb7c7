import { cyclonedxBom, cyclonedxCompleteness, spdxCompleteness, spdxDocument } from "@/lib/aibom";
import type { Report } from "@/lib/report/schema";

export interface AibomLinksProps {
  report: Report;
  /** The download link of a format, e.g. `/r/{id}/aibom.cdx.json`. */
  href: (file: "aibom.cdx.json" | "aibom.spdx.json") => string;
}

const share = (c: { filled: readonly string[]; empty: readonly string[] }) => `${c.filled.length} of ${c.filled.length + c.empty.length}`;

/** Download links of both AI-BOMs, each with how much of its standard's model fields the evidence filled. */
export function AibomLinks({ report, href }: AibomLinksProps) {
  const cyclonedx = cyclonedxCompleteness(cyclonedxBom(report, { pageUrl: null }));
  const spdx = spdxCompleteness(spdxDocument(report, { pageUrl: null }));
  return (
    <li data-testid="aibom-links">
      AI-BOM:{" "}
      <a className="link" href={href("aibom.cdx.json")}>
        CycloneDX 1.6
      </a>{" "}
      <span className="text-zinc-600 dark:text-zinc-400">
        ({share(cyclonedx)} ML-model fields; OWASP AIBOM generator score {cyclonedx.owasp.score}/100)
      </span>{" "}
      ·{" "}
      <a className="link" href={href("aibom.spdx.json")}>
        SPDX 3.0.1
      </a>{" "}
      <span className="text-zinc-600 dark:text-zinc-400">({share(spdx)} AI-profile fields)</span>
    </li>
  );
}
