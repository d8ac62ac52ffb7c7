import { buildEvidence, type PublishNote, publishNotes } from "@/lib/evidence";
import type { DatasetFacts, PaperFacts, RepoFacts, SourceFailure, UpstreamName } from "@/lib/evidence/facts";
import type { UpstreamConfig } from "@/lib/fetchers/config";
import { isFolderError, openReleaseFolder, type ReleaseFolder } from "@/lib/fetchers/local";
import type { Report } from "@/lib/report/schema";
import { defaultDeps } from "./default-deps";
import { type FactSource, gatherModelFacts, hubSource } from "./gather";
import type { AuditError } from "./outcome";
import { badInput } from "./outcome";
import { AuditProgress } from "./progress";
import { reportOf } from "./release";
import type { AuditDeps } from "./types";

export interface FolderAuditOptions extends Partial<AuditDeps> {
  /** GitHub repositories (`owner/repo`) holding the release's code, besides those the card links. */
  readonly repos?: readonly string[];
  /** The release's paper (an arXiv id), in place of the one the card cites. */
  readonly paper?: string | null;
  /** Ask no upstream: what the card links is left unknown, never missing. */
  readonly offline?: boolean;
  readonly noCache?: boolean;
}

export type FolderAuditOutcome =
  | { readonly ok: true; readonly report: Report; readonly onPublish: readonly PublishNote[] }
  | { readonly ok: false; readonly error: AuditError };

function notFetched(source: UpstreamName, url: string): { ok: false; failure: SourceFailure } {
  return { ok: false, failure: { source, kind: "offline", url, message: `GET ${url} not fetched: offline audit (--offline)` } };
}

/** What a release folder's card links, which the upstreams answer. */
type LinkedSource = Pick<FactSource, "dataset" | "repo" | "paper">;

/** The upstreams as an offline audit sees them: every answer is "not asked", so what they hold stays unknown. */
function offlineSource(config: UpstreamConfig): LinkedSource {
  const hf = (path: string) => `${config.hfEndpoint}/${path}`;
  return {
    dataset: async (id, withCard): Promise<DatasetFacts> => {
      const url = hf(`datasets/${id}`);
      return { id, url, info: notFetched("hf", url), card: withCard ? notFetched("hf", `${url}/raw/main/README.md`) : null };
    },
    repo: async (fullName): Promise<RepoFacts> => {
      const api = `${config.githubApiUrl}/repos/${fullName}`;
      const failure = notFetched("github", api);
      return { fullName, url: `https://github.com/${fullName}`, repo: failure, tree: failure, readme: failure };
    },
    paper: async (id): Promise<PaperFacts> => ({ id, url: `https://arxiv.org/abs/${id}`, paper: notFetched("arxiv", `https://arxiv.org/abs/${id}`) }),
  };
}

/** The folder answers for the model, its card and the dataset cards it keeps; the upstreams for everything else. */
function folderSource(release: ReleaseFolder, remote: LinkedSource): FactSource {
  return {
    card: async () => (release.card === null ? null : { ok: true, value: release.card }),
    // a folder has no branches or tags until it is pushed
    refs: async () => null,
    dataset: async (id, withCard) => {
      const kept = await release.dataset(id);
      if (kept === null) {
        return remote.dataset(id, withCard);
      }
      return { id, url: kept.info.url, info: { ok: true, value: kept.info }, card: withCard ? { ok: true, value: kept.card } : null };
    },
    repo: (fullName) => remote.repo(fullName),
    paper: (id) => remote.paper(id),
  };
}

async function open(folder: string): Promise<{ ok: true; release: ReleaseFolder } | { ok: false; error: AuditError }> {
  try {
    return { ok: true, release: await openReleaseFolder(folder) };
  } catch (error) {
    if (isFolderError(error)) {
      return badInput(error.message);
    }
    throw error;
  }
}

/**
 * Audits a release folder before it is published, with the evidence rules of a Hub audit: the folder stands in for
 * the Hub repository, and what its card links is fetched from the upstreams (or left unknown offline). The outcome
 * names what would change once the folder is published.
 */
export async function auditFolder(folder: string, options: FolderAuditOptions = {}): Promise<FolderAuditOutcome> {
  const deps = { ...defaultDeps(options.noCache === true), ...options };
  const opened = await open(folder);
  if (!opened.ok) {
    return opened;
  }
  const { release } = opened;
  const upstream = deps.upstream();
  const ctx = { input: folder, upstream, now: deps.now, progress: new AuditProgress() };
  const remote: LinkedSource = options.offline ? offlineSource(upstream.config) : hubSource(upstream);
  try {
    const extraRepos = await Promise.all((options.repos ?? []).map((name) => remote.repo(name)));
    const facts = await gatherModelFacts(folderSource(release, remote), release.model, { extraRepos, paper: options.paper ?? null });
    const now = ctx.now();
    const identity = {
      name: release.model.id,
      producer: options.repos?.[0]?.split("/")[0] ?? "",
      date: now.toISOString().slice(0, 10),
      huggingface: null,
      repository: facts.repos[0]?.url ?? null,
    };
    const evidence = buildEvidence(facts, identity);
    const model = { source: "local" as const, id: release.model.id, revision: null, sha: null, url: release.model.url };
    return { ok: true, report: reportOf(ctx, evidence, facts, model, now), onPublish: publishNotes(facts, evidence.verdicts) };
  } catch (error) {
    // a dataset card kept in the folder is read on demand, and may break the same rules as the model card
    if (isFolderError(error)) {
      return badInput(error.message);
    }
    throw error;
  }
}
