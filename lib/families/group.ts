import type { ClassNumber } from "@/lib/mof";
import type { FamilyMember } from "./members";
import { nameStem } from "./name-stem";

export interface FamilyVariant {
  key: string;
  source: FamilyMember["source"];
  name: string;
  class: ClassNumber;
  statuses: Record<string, string>;
}

export interface Family {
  /** `<organisation>/<stem>`, lower case: `eleutherai/pythia`. */
  key: string;
  label: string;
  variants: FamilyVariant[];
  /** Component names whose status is not the same in every variant. */
  differing: string[];
}

const slug = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9.+]+/g, "-")
    .replace(/^-|-$/g, "");
const ownerOf = (id: string | null) => (id === null ? null : (id.split("/")[0] ?? null));

// MOT names organisations ("Allen Institute for AI"), the hub by account (allenai): a producer takes the account most of its records link
function producerAccounts(members: readonly FamilyMember[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const m of members) {
    const account = ownerOf(m.hfId) ?? ownerOf(m.githubRepo);
    if (account !== null) {
      const tally = votes.get(slug(m.producer)) ?? new Map<string, number>();
      tally.set(slug(account), (tally.get(slug(account)) ?? 0) + 1);
      votes.set(slug(m.producer), tally);
    }
  }
  return new Map([...votes].map(([producer, tally]) => [producer, [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? producer]));
}

function stemKey(account: string, name: string, producer: string): string {
  return `${account}/${nameStem(name, producer).key}`;
}

function commonLabel(names: readonly string[], fallback: string): string {
  const first = names[0] ?? "";
  let length = first.length;
  for (const name of names.slice(1)) {
    let i = 0;
    while (i < length && i < name.length && name[i]?.toLowerCase() === first[i]?.toLowerCase()) {
      i++;
    }
    length = i;
  }
  const prefix = first.slice(0, length).replace(/[-_ .]+$/, "");
  return prefix.length >= 2 ? prefix : fallback;
}

/** Groups releases into families: same organisation and name stem, joined across declared base models. */
export function groupFamilies(members: readonly FamilyMember[]): Family[] {
  const accounts = producerAccounts(members);
  const accountOf = (m: FamilyMember) => slug(ownerOf(m.hfId) ?? ownerOf(m.githubRepo) ?? accounts.get(slug(m.producer)) ?? m.producer);
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k);
    if (p === undefined || p === k) {
      return k;
    }
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  const byHf = new Map(members.flatMap((m) => (m.hfId ? [[m.hfId.toLowerCase(), m] as const] : [])));
  const own = new Map(members.map((m) => [m.key, stemKey(accountOf(m), m.name, m.producer)]));
  for (const m of members) {
    for (const base of m.baseModels) {
      const known = byHf.get(base.toLowerCase());
      const [account = "", name = base] = base.split("/");
      const baseKey = known ? (own.get(known.key) ?? "") : stemKey(slug(account), name, account);
      const [child, root] = [find(own.get(m.key) ?? ""), find(baseKey)];
      // the base's family absorbs the derivative's, so a fine-tune joins the family it was trained from
      if (child !== root) {
        parent.set(child, root);
      }
    }
  }
  const groups = new Map<string, FamilyMember[]>();
  for (const m of members) {
    const key = find(own.get(m.key) ?? "");
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups].map(([key, list]) => {
    const sorted = [...list].sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.key < b.key ? -1 : 1,
    );
    const components = [...new Set(sorted.flatMap((m) => Object.keys(m.statuses)))];
    return {
      key,
      label: commonLabel(
        sorted.map((m) => m.name),
        nameStem(sorted[0]?.name ?? key, sorted[0]?.producer).label,
      ),
      variants: sorted.map(({ key: k, source, name, class: cls, statuses }) => ({ key: k, source, name, class: cls, statuses })),
      differing: components.filter((c) => new Set(sorted.map((m) => m.statuses[c] ?? "missing")).size > 1),
    };
  });
}

/** The family of a family key, a member key (`mot:Pythia-70M`, `hf:EleutherAI/pythia-70m`) or a hub id; null when unknown. */
export function familyOf(key: string, members: readonly FamilyMember[]): Family | null {
  const families = groupFamilies(members);
  const wanted = key.toLowerCase();
  const holds = (f: Family) => f.key === wanted || f.variants.some((v) => v.key.toLowerCase() === wanted || v.key.toLowerCase() === `hf:${wanted}`);
  return families.find(holds) ?? null;
}
