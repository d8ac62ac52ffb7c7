import { badgeSnippets } from "@/lib/report/badge-snippets";
import { BADGE_STYLES } from "@/lib/report/badge-style";
import { classTitle } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";
import { CopyButton } from "../copy-button";

export interface BadgeSnippetProps {
  report: Pick<Report, "class">;
  /** Absolute URLs, as they will be pasted into a README elsewhere. */
  badgeUrl: string;
  pageUrl: string;
}

/** The badge and its Markdown and HTML snippets, each with a copy button. */
export function BadgeSnippet({ report, badgeUrl, pageUrl }: BadgeSnippetProps) {
  const snippets = badgeSnippets(report, badgeUrl, pageUrl);
  return (
    <div className="space-y-3">
      {/* biome-ignore lint/performance/noImgElement: the badge is an SVG this server renders; next/image adds nothing */}
      <img src={badgeUrl} alt={`MOF ${classTitle(report.class)} badge`} height={20} />
      {(["markdown", "html"] as const).map((kind) => (
        <div key={kind} className="space-y-1">
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium" id={`badge-${kind}`}>
              {kind === "markdown" ? "Markdown" : "HTML"}
            </span>
            <CopyButton text={snippets[kind]} label={`Copy ${kind === "markdown" ? "Markdown" : "HTML"}`} />
          </div>
          <pre role="region" aria-labelledby={`badge-${kind}`} className="overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900" tabIndex={0}>
            <code>{snippets[kind]}</code>
          </pre>
        </div>
      ))}
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="badge-styles">
        shields.io styles: add{" "}
        {BADGE_STYLES.filter((style) => style !== "flat").map((style, i) => (
          <span key={style}>
            {i > 0 ? " or " : ""}
            <code className="font-mono">style={style}</code>
          </span>
        ))}{" "}
        to the image URL&apos;s query (flat by default).
      </p>
    </div>
  );
}
