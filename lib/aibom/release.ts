import { type Osaid, osaidOf } from "@/lib/frameworks/osaid";
import type { Evidence, ModelInfo, Report, ReportComponent } from "@/lib/report/schema";

/** Where the report is read, when it is served: the BOM links back to it. */
export interface BomContext {
  /** Absolute URL of the report page; null from the CLI. */
  readonly pageUrl: string | null;
}

export type BomDataset = ModelInfo["datasets"][number];

export interface BomLink {
  readonly url: string;
  readonly comment: string;
}

/** What both BOM formats say about a release, gathered once from its report. */
export interface ReleaseParts {
  readonly id: string;
  readonly group: string | null;
  readonly name: string;
  /** The commit the audit read, else the revision asked for. */
  readonly version: string | null;
  readonly purl: string | null;
  /** The model's page on its hub (or repository), when the release is audited. */
  readonly homepage: string | null;
  readonly supplier: string | null;
  /** Licences of the weights, as found; the licence MOF's engine concluded. */
  readonly declaredLicences: readonly string[];
  readonly concludedLicence: string | null;
  readonly datasets: readonly BomDataset[];
  readonly repositories: readonly BomLink[];
  readonly papers: readonly BomLink[];
  readonly modelCard: string | null;
  readonly evidence: readonly (Evidence & { component: string })[];
  readonly info: ModelInfo | null;
  /** The OSAID verdict of the same report, read once for the whole BOM. */
  readonly osaid: Osaid;
}

const MODEL_PARAMETERS = 10;
const DATASETS = 15;
const EVALUATION_DATA = 19;
const MODEL_CARD = 13;
const PAPERS = [21, 11];
const GITHUB_REPO = /^https?:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)/;

const find = (report: Report, cid: number) => report.components.find((c) => c.cid === cid);

// licence findings hold "none (…)" for a part with no licence: that is no licence to state
const stated = (ids: readonly string[]) => [...new Set(ids.filter((id) => id !== "" && id !== "unlicensed" && !id.startsWith("none (")))];

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function repositories(report: Report): BomLink[] {
  const links = report.components
    .filter((c) => c.type === "code")
    .flatMap((c) =>
      c.evidence.flatMap((e) => {
        const match = GITHUB_REPO.exec(e.url);
        return match ? [{ url: `https://github.com/${match[1]}/${(match[2] ?? "").replace(/\.git$/, "")}`, component: c.name }] : [];
      }),
    );
  const byRepo = new Map<string, string[]>();
  for (const link of links) {
    byRepo.set(link.url, [...new Set([...(byRepo.get(link.url) ?? []), link.component])]);
  }
  return [...byRepo].map(([url, components]) => ({ url, comment: `code repository: ${components.join(", ")}` }));
}

// a dataset the evidence links, for reports without card facts (older snapshots)
function datasetsFromEvidence(component: ReportComponent | undefined, role: BomDataset["role"]): BomDataset[] {
  return (component?.evidence ?? [])
    .filter((e) => e.source === "hf-dataset" && e.url.includes("/datasets/"))
    .map((e) => {
      const url = e.url.split("#")[0] ?? e.url;
      const id = url.split("/datasets/")[1] ?? url;
      const licenses = stated((component?.licenses ?? []).filter((l) => l.url.startsWith(`${url}/`)).map((l) => l.id));
      return { id, url, role, licenses, reachable: true };
    });
}

// a record's links are whatever its author wrote; only a web URL is one
function recordLink(...values: unknown[]): string | null {
  return values.find((v): v is string => typeof v === "string" && /^https?:\/\//.test(v)) ?? null;
}

function purlOf(report: Report, version: string | null): string | null {
  const [group, name] = report.model.id.split("/");
  if (group === undefined || name === undefined || (report.model.source !== "hf" && report.model.source !== "github")) {
    return null;
  }
  const type = report.model.source === "hf" ? "huggingface" : "github";
  return `pkg:${type}/${encodeURIComponent(group)}/${encodeURIComponent(name)}${version ? `@${encodeURIComponent(version.toLowerCase())}` : ""}`;
}

/** The parts of a release both BOMs are written from. */
export function releaseParts(report: Report): ReleaseParts {
  const [group, name] = report.model.id.includes("/") ? report.model.id.split("/", 2) : [null, report.model.id];
  const audited = report.model.source === "hf" || report.model.source === "github";
  const version = report.model.sha ?? report.model.revision;
  const weights = find(report, MODEL_PARAMETERS);
  const info = report.modelInfo ?? null;
  const datasets = info?.datasets ?? [
    ...datasetsFromEvidence(find(report, DATASETS), "training"),
    ...datasetsFromEvidence(find(report, EVALUATION_DATA), "evaluation"),
  ];
  const papers = PAPERS.flatMap((cid) =>
    (find(report, cid)?.evidence ?? []).filter((e) => e.source === "arxiv").map((e) => ({ url: e.url, comment: `paper: ${e.what}` })),
  );
  return {
    id: report.model.id,
    group: group ?? null,
    name: name ?? report.model.id,
    version: audited ? version : (report.record.release.version ?? null),
    purl: purlOf(report, version),
    homepage: audited ? report.model.url : recordLink(report.record.release.huggingface, report.record.release.repository),
    supplier: audited ? (group ?? null) : report.record.release.producer,
    declaredLicences: stated([...(weights?.licenses.map((l) => l.id) ?? []), ...(weights?.licenses.length === 0 && weights.license ? [weights.license] : [])]),
    concludedLicence: weights?.license && weights.license !== "unlicensed" ? weights.license : null,
    datasets: unique(datasets, (d) => `${d.role}:${d.id}`),
    repositories: repositories(report),
    papers: unique(papers, (p) => p.url),
    modelCard: find(report, MODEL_CARD)?.evidence[0]?.url ?? null,
    evidence: unique(
      report.components.flatMap((c) => c.evidence.map((e) => ({ ...e, component: c.name }))),
      (e) => `${e.url} ${e.component}`,
    ),
    info,
    osaid: osaidOf(report),
  };
}
