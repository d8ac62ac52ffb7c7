import type { AuditOutcome } from "@/lib/audit";
import type { ClaimComparison } from "@/lib/claims";
import type { PublishNote } from "@/lib/evidence";

/** One audited input as every output format sees it. */
export interface AuditEntry {
  /** What was asked for: a URL, a model id or a release folder. */
  readonly input: string;
  readonly outcome: AuditOutcome;
  /** The comparison with `--against`'s record, when asked for and the audit succeeded. */
  readonly claims: ClaimComparison | null;
  /** For a release folder: what would change once it is published; empty for a published release. */
  readonly onPublish: readonly PublishNote[];
  /** True when the input was a release folder. */
  readonly folder: boolean;
}
