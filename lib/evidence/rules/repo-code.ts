import type { EvidenceContext } from "../context";
import type { RepoFacts, SourceFailure } from "../facts";
import { mapGithubLicense } from "../license-map";
import type { ComponentVerdict, LicensePart } from "../verdict";
import { missing, settle } from "../verdict";

export type CodeKind = "training" | "preprocessing" | "evaluation" | "inference" | "architecture";

/**
 * What each kind of code looks like in a repository, read word by word (a file or folder name split at `-`, `_`,
 * `.`), so `run_train.py`, `pretrain_gpt.py` and `scripts/data_prep/` count while `samplers.py` or
 * `training_sample_utils.py` do not. Built from the trees of twenty real training, data and inference repositories
 * (tests/fixtures/repos/expected.json holds the verdict each must get).
 */
interface Signal {
  /** Words in a code file's name that mark it. */
  readonly fileWords: ReadonlySet<string>;
  /** File names of the kind that are not made of such words (`prepare_memmap_dataset.py`). */
  readonly fileName?: RegExp;
  /** Folders whose code and configuration files are of the kind. */
  readonly folders: ReadonlySet<string>;
  /** Paths that look like the kind but are not (for this kind only). */
  readonly notThis?: RegExp;
  /** A repository named for the kind. */
  readonly repo: RegExp;
  readonly label: string;
}

const words = (...list: string[]) => new Set(list);

const SIGNALS: Record<CodeKind, Signal> = {
  training: {
    fileWords: words("train", "training", "pretrain", "pretraining", "finetune", "finetuning", "sft", "dpo", "orpo", "grpo", "rlhf", "ppo"),
    folders: words("train", "training", "pretrain", "pretraining", "finetune", "finetuning", "example_training", "train_configs"),
    // training a tokenizer, or preparing data for training, is not training the model
    notThis: /(^|\/)[^/]*(train_tokenizer|training_data)[^/]*$|(^|\/)data[-_]?prep\//i,
    repo: /(^|[-_])train/i,
    label: "training code",
  },
  preprocessing: {
    fileWords: words("preprocess", "preprocessing", "dedup", "dedupe", "deduper", "deduplicate", "deduplication", "tokenize", "tokenise", "datamix"),
    fileName:
      /^(prepare_(?!changelog|release|env)\w+|convert_dataset\w*|mix_data\w*|mix_and_split|dataset_transformation|data_prep\w*|filter_data\w*|clean_data\w*)\.(py|sh|rs)$/i,
    folders: words("data_prep", "dataprep", "data-prep", "preprocess", "preprocessing", "data_processing", "dedup", "deduplication", "data_pipeline"),
    // a model's own input preprocessing (image transforms) is inference, not data preparation
    notThis: /(^|\/)models?\//i,
    repo: /data[-_]?prep|dolma|datatrove/i,
    label: "data-processing code",
  },
  evaluation: {
    fileWords: words("eval", "evals", "evaluate", "evaluation", "evaluator", "benchmark", "benchmarks", "harness"),
    folders: words("eval", "evals", "evaluation", "evaluations", "benchmark", "benchmarks", "lm_eval", "eval_utils"),
    // speed benchmarks and data tokenised for evaluation are not evaluations of the model; nor are side experiments
    notThis: /(speed|perf|throughput|latency|tokeni[sz]e)[^/]*$|(^|\/)experiments?\//i,
    repo: /eval|harness|analysis360|olmes/i,
    label: "evaluation code",
  },
  inference: {
    fileWords: words("infer", "inference", "generate", "generation", "chat", "serve", "predict", "transcribe", "demo"),
    folders: words("inference", "sampling", "generate", "generation", "demo", "deploy", "serve", "serving"),
    // generation inside an evaluation harness scores the model; generating configs or data is not running the model
    notThis: /(^|\/)(eval|evals|evaluation|lm_eval|benchmarks?|configs?)\/|(data|dataset|grams?|synthetic|config)[^/]*$/i,
    repo: /inference/i,
    label: "inference code",
  },
  architecture: {
    fileWords: words("modeling", "modelling", "model", "transformer", "architecture"),
    folders: words("models", "model"),
    repo: /^$/,
    label: "model code",
  },
};

const CODE_FILE = /\.(py|sh|rs|cu|cpp)$/i;
const FOLDER_FILE = /\.(py|sh|rs|cu|cpp|ya?ml|json)$/i;
// tests, documentation and CI are never the release's code of any kind
const NEVER = /(^|\/)(tests?|docs?|\.github)\/|(^|\/)(test_[^/]*|[^/]*_test\.py|conftest\.py)$/i;

const wordsOf = (name: string) => name.toLowerCase().split(/[^a-z0-9]+/);

/** True when a repository path holds code of the kind (pure; exported for the layout golden tests). */
export function isCodeOf(kind: CodeKind, path: string): boolean {
  const signal = SIGNALS[kind];
  if (NEVER.test(path) || signal.notThis?.test(path)) {
    return false;
  }
  const parts = path.split("/");
  const file = parts.at(-1) ?? "";
  const stem = file.replace(/\.[^.]+$/, "");
  if (CODE_FILE.test(file) && (wordsOf(stem).some((w) => signal.fileWords.has(w)) || signal.fileName?.test(file) === true)) {
    return true;
  }
  return FOLDER_FILE.test(file) && parts.slice(0, -1).some((folder) => signal.folders.has(folder.toLowerCase()));
}

export function repoLicense(repo: RepoFacts): LicensePart {
  const mapped = mapGithubLicense(repo.repo.ok ? repo.repo.value.license : null);
  return { id: mapped.id, written: mapped.written, source: "github", from: "GitHub licence detection", url: `${repo.url}#license` };
}

const named = (repo: RepoFacts) => (repo.namedAs ? ` (linked as ${repo.namedAs})` : "");

function matchRepo(repo: RepoFacts, kind: CodeKind): { url: string; what: string } | null {
  const signal = SIGNALS[kind];
  const branch = repo.repo.ok ? repo.repo.value.defaultBranch : "HEAD";
  const paths = repo.tree.ok ? repo.tree.value.paths.filter((p) => isCodeOf(kind, p)) : [];
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
