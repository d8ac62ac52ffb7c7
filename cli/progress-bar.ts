import type { IndexProgress } from "@/lib/index";

const WIDTH = 24;

const duration = (seconds: number) =>
  seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s` : `${Math.round(seconds)}s`;

/** One line redrawn in place: done/total, rate, ETA and failures. */
export function progressLine(progress: IndexProgress, elapsedMs: number): string {
  const share = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(share * WIDTH);
  const rate = elapsedMs > 0 ? progress.done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? duration((progress.total - progress.done) / rate) : "?";
  return `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${progress.done}/${progress.total} · ${rate.toFixed(1)}/s · ETA ${eta} · ${progress.failed} failed`;
}
