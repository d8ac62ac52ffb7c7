import type { Report } from "@/lib/report/schema";

export interface SourceTagProps {
  source: Report["model"]["source"];
}

/** Whether a row is a producer's own claim or what mofscope found, in words (never colour alone). */
export function SourceTag({ source }: SourceTagProps) {
  const mot = source === "mot";
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        mot
          ? "bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300"
          : "bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200"
      }`}
    >
      {mot ? "self-reported to MOT" : "audited"}
    </span>
  );
}
