import type { ReportComponent } from "@/lib/report/schema";

/** The component rows one round of an audit settled: they read the same in the finished report. */
export type AuditStage = ReadonlyMap<number, ReportComponent>;

/**
 * The stages of one running audit, shared by every reader that joins it, so a page can show each component as soon
 * as the sources it needs have answered. The finished report is the last stage.
 */
export class AuditProgress {
  readonly #stages: AuditStage[] = [];
  #ended = false;
  #waiting: (() => void)[] = [];

  record(stage: AuditStage): void {
    this.#stages.push(stage);
    this.#wake();
  }

  end(): void {
    this.#ended = true;
    this.#wake();
  }

  /** The component's settled row, or null when the audit ended without one (it failed). */
  async component(cid: number): Promise<ReportComponent | null> {
    for (let seen = 0; ; ) {
      for (; seen < this.#stages.length; seen++) {
        const row = this.#stages[seen]?.get(cid);
        if (row !== undefined) {
          return row;
        }
      }
      if (this.#ended) {
        return null;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) {
      resolve();
    }
  }
}
