import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to a page whose render may audit: a model's report, a comparison. It is never prefetched, because a prefetch
 * would spend the visitor's audits on pages they may never open (and the server answers one with an empty 204).
 */
export function AuditLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
