import Link from "next/link";

export interface FamilyLinkProps {
  href: string;
  label: string;
  count: number;
}

/** "Part of the Pythia family (11 variants)". */
export function FamilyLink({ href, label, count }: FamilyLinkProps) {
  return (
    <Link href={href} className="link" data-testid="family-link">
      {label} family ({count} variants)
    </Link>
  );
}
