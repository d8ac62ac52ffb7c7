import type { Upstream } from "@/lib/fetchers/upstream";
import type { AuditProgress } from "./progress";

export interface AuditDeps {
  /** A fresh upstream per audit, so its request count is this audit's own. */
  readonly upstream: () => Upstream;
  readonly now: () => Date;
}

/** What every step of one audit shares: what was asked, where it reads from, its clock and its progress. */
export interface AuditContext {
  readonly input: string;
  readonly upstream: Upstream;
  readonly now: () => Date;
  readonly progress: AuditProgress;
}
