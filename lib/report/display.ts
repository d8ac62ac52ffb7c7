import { CLASS_NAMES, CLASS_ROMAN } from "@/lib/mof/components";
import type { Report, ReportComponent, ReportStatus } from "./schema";

export type Tone = "ok" | "warn" | "bad" | "unknown" | "neutral";

export interface StatusView {
  label: string;
  /** A glyph shown next to the label, so the status never rests on colour alone. */
  icon: string;
  tone: Tone;
}

const STATUS: Record<ReportStatus, StatusView> = {
  included: { label: "Included", icon: "✓", tone: "ok" },
  optional: { label: "Included (optional)", icon: "✓", tone: "ok" },
  missing: { label: "Missing", icon: "✗", tone: "bad" },
  unlicensed: { label: "Unlicensed", icon: "!", tone: "warn" },
  invalid: { label: "Licence not open", icon: "⊘", tone: "bad" },
  unknown: { label: "Unknown", icon: "?", tone: "unknown" },
};

/** How a component's status reads; a missing optional component is neutral, not a failure. */
export function statusView(component: Pick<ReportComponent, "status" | "required">): StatusView {
  if (!component.required && component.status === "missing") {
    return { label: "Not provided (optional)", icon: "–", tone: "neutral" };
  }
  return STATUS[component.status];
}

export const TONE_CLASSES: Record<Tone, string> = {
  ok: "bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30",
  warn: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
  bad: "bg-rose-50 text-rose-900 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-400/30",
  unknown: "bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-400/30",
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/30",
};

export type ClassNumber = Report["class"];

/** "Class I", or "Unclassified". */
export function classTitle(cls: ClassNumber): string {
  return cls === 0 ? "Unclassified" : `Class ${CLASS_ROMAN[cls]}`;
}

/** "Open Science" etc.; for no class, what that means. */
export function className(cls: ClassNumber): string {
  return cls === 0 ? "Does not meet Class III yet" : CLASS_NAMES[cls];
}

/** Badge and grade colours per class (white text passes 4.5:1 on each). */
export const CLASS_COLOURS: Record<ClassNumber, string> = {
  0: "#5b616b",
  1: "#1a7f37",
  2: "#0969da",
  3: "#8250df",
};

export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** A fixed, timezone-free rendering so server and client print the same text. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function spdxUrl(id: string): string {
  return `https://spdx.org/licenses/${encodeURIComponent(id)}.html`;
}

/** The report's own page: audited models by id, anything else by its snapshot. */
export function reportHref(report: Pick<Report, "id" | "model">): string {
  if (report.model.source === "hf") {
    return `/models/${report.model.id}`;
  }
  if (report.model.source === "github") {
    return `/models/${report.model.id}?source=github`;
  }
  return `/r/${report.id}`;
}

const SOURCE_LABELS: Record<Report["components"][number]["evidence"][number]["source"], string> = {
  hf: "Hugging Face",
  "hf-dataset": "Hugging Face dataset",
  github: "GitHub",
  arxiv: "arXiv",
  local: "release folder",
  mot: "MOT record",
  yaml: "YAML record",
};

export function sourceLabel(source: keyof typeof SOURCE_LABELS): string {
  return SOURCE_LABELS[source];
}
