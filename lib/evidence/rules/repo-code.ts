import type { EvidenceContext } from "../context";
import type { RepoFacts, SourceFailure } from "../facts";
import { mapGithubLicense } from "../license-map";
import type { ComponentVerdict, LicensePart } from "../verdict";
import { missing, settle } from "../verdict";

export type CodeKind = "training" | "preprocessing" | "evaluation" | "inference" | "architecture";

// what each kind of code looks like in a repository: file paths, or a repository named for it
const SIGNALS: Record<CodeKind, { path: RegExp; repo: RegExp; label: string }> = {
  training: {
    path: /(^|\/)((pre)?train(ing)?|finetune|fine_tune|sft)([-_.][\w.-]*)?\.(py|sh)$|(^|\/)(train|training|pretrain|pretraining)\/[^/]+\.(py|sh|ya?ml)$/i,
    repo: /(^|[-_])train/i,
    label: "training code",
  },
  preprocessing: {
    path: /(^|\/)[\w-]*(preprocess|prepare_data|prepare_dataset|data_prep|tokeni[sz]e_?data|dedup|data_pipeline)[\w-]*\.(py|sh|rs)$|(^|\/)(data[-_]?prep|preprocess(ing)?|data_processing|dedup(lication)?)\/[^/]+\.(py|sh|rs)$/i,
    repo: /data[-_]?prep|dolma|datatrove/i,
    label: "data-processing code",
  },
  evaluation: {
    path: /(^|\/)(eval|evals|evaluation|benchmark|benchmarks|lm_eval)\/[^/]+\.(py|sh|ya?ml)$|(^|\/)[\w-]*(eval|evaluat|benchmark)[\w-]*\.(py|sh)$/i,
    repo: /eval|harness|analysis360|olmes/i,
    label: "evaluation code",
  },
  inference: {
    path: /(^|\/)[\w-]*(infer|inference|generate|generation|chat|serve|predict|sample)[\w-]*\.(py|sh)$|(^|\/)inference\/[^/]+\.py$/i,
    repo: /inference/i,
    label: "inference code",
  },
  architecture: {
    path: /(^|\/)(modeling|modelling)[\w-]*\.py$|(^|\/)(model|transformer|architecture)\.py$|(^|\/)models?\/[\w-]+\.py$/i,
    repo: /^$/,
    label: "model code",
  },
};

export function repoLicense(repo: RepoFacts): LicensePart {
  const mapped = mapGithubLicense(repo.repo.ok ? repo.repo.value.license : null);
  return { id: mapped.id, written: mapped.written, source: "github", from: "GitHub licence detection", url: `${repo.url}#license` };
}

const named = (repo: RepoFacts) => (repo.namedAs ? ` (linked as ${repo.namedAs})` : "");

function matchRepo(repo: RepoFacts, kind: CodeKind): { url: string; what: string } | null {
  const signal = SIGNALS[kind];
  const branch = repo.repo.ok ? repo.repo.value.defaultBranch : "HEAD";
  const paths = repo.tree.ok ? repo.tree.value.paths.filter((p) => signal.path.test(p) && !/(^|\/)(tests?\/|test_)/.test(p)) : [];
  if (paths.length > 0) {
    const shown = paths.slice(0, 3).join(", ") + (paths.length > 3 ? ` and ${paths.length - 3} more` : "");
    return { url: `${repo.url}/blob/${branch}/${paths[0]}`, what: `${signal.label} in ${repo.fullName}${named(repo)}: ${shown}` };
  }
  if (signal.repo.test(repo.fullName.split("/")[1] ?? "")) {
    return { url: repo.url, what: `${repo.fullName}${named(repo)}, a repository for ${signal.label}` };
  }
  return null;
}

/**
 * Code of one kind in the repositories the card links. A matched repository whose licence could not be read leaves the
 * component unknown; a repository that failed before showing whether it holds such code matters only if none does.
 */
export function codeInRepos(ctx: EvidenceContext, kind: CodeKind): ComponentVerdict {
  const evidence: { source: "github"; url: string; what: string }[] = [];
  const licenses: LicensePart[] = [];
  const unreadLicenses: SourceFailure[] = [];
  const unsearched: SourceFailure[] = [];
  for (const repo of ctx.facts.repos) {
    const match = matchRepo(repo, kind);
    if (match) {
      evidence.push({ source: "github", ...match });
    }
    if (match && repo.repo.ok) {
      licenses.push(repoLicense(repo));
    } else if (match && !repo.repo.ok) {
      unreadLicenses.push(repo.repo.failure);
    } else {
      unsearched.push(...[repo.repo, repo.tree].flatMap((r) => (r.ok ? [] : [r.failure])));
    }
  }
  if (evidence.length === 0) {
    return missing(ctx.cardFailure ? [ctx.cardFailure, ...unsearched] : unsearched);
  }
  return settle(evidence, licenses, unreadLicenses);
}
