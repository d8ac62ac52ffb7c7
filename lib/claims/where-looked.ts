import type { Report } from "@/lib/report/schema";

/** Where the audit looked for a component, for "we found no … in …" sentences. */
export interface LookContext {
  /** The model page the audit read. */
  model: string;
  /** GitHub repositories the audit followed (`github.com/owner/repo`). */
  repos: string[];
}

const inRepos = (what: string) => (c: LookContext) =>
  c.repos.length > 0
    ? `no ${what} in the repositories the model card links (${c.repos.join(", ")})`
    : `no ${what}: the model card (${c.model}) links no GitHub repository`;

// per MOF component (MOT cid), the evidence rule of design.md restated as what was not there
const LOOKED: Readonly<Record<number, (c: LookContext) => string>> = {
  9: inRepos("model architecture code (nor a config.json naming a stock architecture)"),
  16: inRepos("data preprocessing code"),
  7: inRepos("training code"),
  8: inRepos("inference code (nor a stock transformers architecture)"),
  18: inRepos("evaluation code"),
  22: inRepos("installable libraries or tools"),
  10: (c) => `no weight files in the model repository (${c.model})`,
  24: (c) => `no checkpoint branches, tags or folders in the model repository (${c.model})`,
  15: (c) => `no training dataset named in the model card's \`datasets\` metadata (${c.model})`,
  19: (c) => `no evaluation dataset named in the model card's model-index (${c.model})`,
  17: (c) => `no configuration files in the model repository (${c.model})`,
  20: (c) => `no sample outputs (widget examples) in the model card (${c.model})`,
  13: (c) => `no written model card at ${c.model}`,
  14: (c) => `no dataset card and no training-data section in the model card (${c.model})`,
  11: (c) => `no technical report linked from the model card (${c.model})`,
  21: (c) => `no research paper linked from the model card (${c.model})`,
  12: (c) => `no evaluation results (model-index or a results table) in the model card (${c.model})`,
};

export function whereLooked(cid: number, context: LookContext): string {
  return (LOOKED[cid] ?? ((c: LookContext) => `nothing for it at ${c.model}`))(context);
}

const GITHUB_REPO = /^https?:\/\/github\.com\/([^/#?]+\/[^/#?]+)/;

/** The model page and the GitHub repositories a report's evidence and licences point at, in order of first mention. */
export function lookContext(report: Report): LookContext {
  const urls = [report.record.release.repository, ...report.components.flatMap((c) => [...c.evidence.map((e) => e.url), ...c.licenses.map((l) => l.url)])];
  const repos = urls.flatMap((u) => {
    const m = typeof u === "string" ? GITHUB_REPO.exec(u) : null;
    // the transformers licence is the library's, not a repository the card links
    return m?.[1] && m[1] !== "huggingface/transformers" ? [`github.com/${m[1]}`] : [];
  });
  return { model: report.model.url ?? report.model.id, repos: [...new Set(repos)] };
}
