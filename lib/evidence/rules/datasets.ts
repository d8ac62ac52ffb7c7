import type { HfDataset } from "@/lib/evidence/upstream-facts";
import { hasRealContent } from "../card-text";
import type { EvidenceContext } from "../context";
import type { DatasetFacts, SourceFailure } from "../facts";
import { mapHfLicense } from "../license-map";
import { fileLink, sectionLink } from "../links";
import type { ComponentVerdict, LicensePart } from "../verdict";
import { found, isInconclusive, missing, settle } from "../verdict";

function datasetLicense(dataset: DatasetFacts, info: HfDataset): LicensePart[] {
  const card = info.cardData ?? {};
  const mapped = mapHfLicense(card.license ?? info.tags.filter((t) => t.startsWith("license:")).map((t) => t.slice(8)), card.license_name);
  const url = fileLink({ url: dataset.url, sha: info.sha, folderPath: info.folderPath }, "README.md");
  if (mapped.length === 0) {
    return [{ id: null, written: "no licence in the dataset card", source: "hf-dataset", from: "dataset card `license`", url }];
  }
  return mapped.map((m) => ({ id: m.id, written: m.written, source: "hf-dataset", from: "dataset card `license`", url }));
}

/** Datasets one by one: every one must be reachable and licensed; the least open licence decides. */
function datasetsVerdict(datasets: readonly DatasetFacts[], role: string): ComponentVerdict {
  if (datasets.length === 0) {
    return missing();
  }
  const evidence = [];
  const licenses: LicensePart[] = [];
  const failures: SourceFailure[] = [];
  for (const dataset of datasets) {
    if (dataset.info.ok) {
      const was = dataset.namedAs ? ` (the card names it ${dataset.namedAs})` : "";
      evidence.push({ source: "hf-dataset" as const, url: dataset.url, what: `${role} ${dataset.id}${was}` });
      licenses.push(...datasetLicense(dataset, dataset.info.value));
    } else if (isInconclusive(dataset.info.failure)) {
      failures.push(dataset.info.failure);
    } else {
      // named but not on the Hub (deleted, renamed or private): nothing shows its licence
      licenses.push({ id: null, written: `${dataset.id} is not reachable on the Hub`, source: "hf-dataset", from: "dataset repository", url: dataset.url });
    }
  }
  return settle(evidence, licenses, failures);
}

/** Datasets: every training dataset the card names resolves to a dataset repository with an open licence. */
export function trainingDatasets(ctx: EvidenceContext): ComponentVerdict {
  return datasetsVerdict(ctx.facts.datasets, "training dataset");
}

/** Evaluation data: the datasets named in the card's `model-index` results. */
export function evaluationData(ctx: EvidenceContext): ComponentVerdict {
  return datasetsVerdict(ctx.facts.evalDatasets, "evaluation dataset");
}

/** The dataset cards of the training datasets, licensed as their repositories. */
export function datasetCards(ctx: EvidenceContext): ComponentVerdict {
  const withCards = ctx.facts.datasets.filter((d) => d.info.ok && d.card?.ok && hasRealContent(d.card.value));
  if (withCards.length === 0) {
    return missing(ctx.facts.datasets.flatMap((d) => (d.card && !d.card.ok ? [d.card.failure] : [])));
  }
  const evidence = withCards.map((d) => ({
    source: "hf-dataset" as const,
    url: sectionLink({ url: d.url, sha: null, folderPath: d.info.ok ? d.info.value.folderPath : undefined }, "dataset-card"),
    what: `dataset card of ${d.id}`,
  }));
  const licenses = withCards.flatMap((d) => (d.info.ok ? datasetLicense(d, d.info.value) : []));
  return found(evidence, licenses);
}
