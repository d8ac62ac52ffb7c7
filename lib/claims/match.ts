import { githubRepoOf, hfIdOf } from "@/lib/registry/links";
import type { RecordLookup } from "@/lib/registry/lookup";
import type { Report } from "@/lib/report/schema";

export interface MatchableRecord {
  name: string;
  hfId: string | null;
  githubRepo: string | null;
}

export type MatchedBy = "huggingface" | "repository" | "name";

export interface RecordMatch<T> {
  record: T;
  by: MatchedBy;
}

/** What identifies an audited model: its hub id, the GitHub repository it was audited from or links first, and its name. */
export function matchKeys(report: Report): { hfId: string | null; githubRepo: string | null; name: string } {
  const { source, id } = report.model;
  return {
    hfId: source === "hf" ? id : hfIdOf(report.record.release.huggingface),
    githubRepo: source === "github" ? id : githubRepoOf(report.record.release.repository),
    name: source === "hf" || source === "github" ? (id.split("/")[1] ?? id) : report.record.release.name,
  };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The MOT record of an audited model: by Hugging Face id, else by GitHub repository (a shared one only with the same name), else by name. */
export async function matchRecord<T extends MatchableRecord>(report: Report, lookup: RecordLookup<T>): Promise<RecordMatch<T> | null> {
  const keys = matchKeys(report);
  const byHf = keys.hfId === null ? null : await lookup.byHfId(keys.hfId);
  if (byHf) {
    return { record: byHf, by: "huggingface" };
  }
  const byRepo = keys.githubRepo === null ? [] : await lookup.byGithubRepo(keys.githubRepo);
  // a repository shared by several releases (allenai/OLMo) names none of them on its own
  const repoMatch = byRepo.length === 1 ? byRepo[0] : byRepo.find((r) => same(r.name, keys.name));
  if (repoMatch) {
    return { record: repoMatch, by: "repository" };
  }
  const byName = await lookup.byName(keys.name);
  return byName ? { record: byName, by: "name" } : null;
}

/** A RecordLookup over records in memory (tests, the CLI's single file). */
export function arrayLookup<T extends MatchableRecord>(records: readonly T[]): RecordLookup<T> {
  const find = (pick: (r: T) => string | null, value: string) =>
    records.filter((r) => {
      const key = pick(r);
      return key !== null && same(key, value);
    });
  return {
    byHfId: async (id) => find((r) => r.hfId, id)[0] ?? null,
    byGithubRepo: async (repo) => find((r) => r.githubRepo, repo),
    byName: async (name) => find((r) => r.name, name)[0] ?? null,
  };
}
