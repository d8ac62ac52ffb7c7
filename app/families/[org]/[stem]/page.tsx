import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FamilyTable } from "@/components/families/family-table";
import { familyOf } from "@/lib/families";
import { variantHref } from "@/lib/registry/variant-href";
import { familyMembers } from "@/lib/server/loaders/registry-data";

interface FamilyPageProps {
  params: Promise<{ org: string; stem: string }>;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function load(params: FamilyPageProps["params"]) {
  const { org, stem } = await params;
  const family = familyOf(`${decoded(org)}/${decoded(stem)}`.toLowerCase(), await familyMembers());
  return family && family.key === `${decoded(org)}/${decoded(stem)}`.toLowerCase() ? family : null;
}

export async function generateMetadata({ params }: FamilyPageProps): Promise<Metadata> {
  const family = await load(params);
  return family ? { title: `${family.label} family: ${family.variants.length} variants` } : { title: "Unknown family" };
}

/** The variants of one family side by side, registry records and audits together. */
export default async function FamilyPage({ params }: FamilyPageProps) {
  const family = await load(params);
  if (family === null) {
    notFound();
  }
  const hrefs = Object.fromEntries(
    family.variants.flatMap((v) => {
      const href = variantHref(v.key);
      return href ? [[v.key, href]] : [];
    }),
  );
  const mot = family.variants.filter((v) => v.source === "mot").length;
  const audited = family.variants.length - mot;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/families" className="link">
            Model families
          </Link>{" "}
          · <span className="font-mono">{family.key}</span>
        </p>
        <h1 className="break-words text-3xl font-bold tracking-tight">{family.label} family</h1>
        <p className="text-zinc-700 dark:text-zinc-300" data-testid="family-summary">
          {family.variants.length} variants: {mot} self-reported to MOT, {audited} audited by mofscope. Variants differ in size, tuning or checkpoint; the table
          shows where their openness differs too.
        </p>
      </div>
      <FamilyTable family={family} hrefs={hrefs} />
    </div>
  );
}
