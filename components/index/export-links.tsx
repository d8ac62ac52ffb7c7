export interface ExportLinksProps {
  /** The filter and sort as a query string (with its `?`, or empty). */
  query: string;
}

const withFormat = (query: string, format: "csv" | "json") => `/api/v1/index${query === "" ? "?" : `${query}&`}format=${format}`;

/** The same models as files: every match as CSV, or the API's first page as JSON. */
export function ExportLinks({ query }: ExportLinksProps) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="index-exports">
      <span className="text-zinc-600 dark:text-zinc-400">Download:</span>
      <a href={withFormat(query, "csv")} className="link" download>
        CSV (all matches)
      </a>
      <a href={withFormat(query, "json")} className="link">
        JSON (API)
      </a>
    </p>
  );
}
