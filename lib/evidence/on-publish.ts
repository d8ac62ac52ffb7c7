import { componentByCid } from "@/lib/mof";
import type { DatasetFacts, ReleaseFacts } from "./facts";
import type { ComponentVerdict } from "./verdict";

/** A finding of a release folder audit that publishing would change, and how. */
export interface PublishNote {
  /** The component it concerns, or null for the whole report. */
  readonly component: string | null;
  readonly note: string;
}

const name = (cid: number) => componentByCid(cid)?.name ?? String(cid);

function datasetNotes(datasets: readonly DatasetFacts[], component: string): PublishNote[] {
  return datasets.flatMap((d): PublishNote[] => {
    if (d.info.ok && d.info.value.folderPath !== undefined) {
      const note = `${d.id} was read from ${d.info.value.folderPath}/README.md; once published, the Hub dataset ${d.id} and its card decide`;
      return [{ component, note }];
    }
    if (!d.info.ok && d.info.failure.kind === "not_found") {
      const note = `${d.id} is not on the Hub yet: it counts once published there with a licence in its card; put its card at datasets/${d.id}/README.md to check it now`;
      return [{ component, note }];
    }
    return [];
  });
}

/**
 * What would change once a release folder is published, from the facts read off the disk: a folder has no
 * branches (so no checkpoint refs), dataset cards kept in it stand in for the Hub's, and its links are paths.
 * Empty for a published release.
 */
export function publishNotes(facts: ReleaseFacts, verdicts: ReadonlyMap<number, ComponentVerdict>): PublishNote[] {
  if (facts.model?.folderPath === undefined) {
    return [];
  }
  const notes: PublishNote[] = [];
  if (verdicts.get(24)?.state !== "found") {
    notes.push({
      component: name(24),
      note: "a folder has no branches: checkpoints pushed as branches or tags named like step1000 or ckpt_100 count once published (checkpoint folders such as checkpoints/step1000/ count now)",
    });
  }
  notes.push(...datasetNotes(facts.datasets, name(15)), ...datasetNotes(facts.evalDatasets, name(19)));
  notes.push({ component: null, note: "evidence links are paths in the folder; once published they point at the Hub repository" });
  return notes;
}
