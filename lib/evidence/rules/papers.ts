import type { EvidenceContext } from "../context";
import { mapArxivLicense } from "../license-map";
import type { ComponentVerdict } from "../verdict";
import { found, missing } from "../verdict";

/** The model's own paper (the first one the card cites), as both report and paper: arXiv holds one document. */
export function paper(ctx: EvidenceContext): ComponentVerdict {
  const primary = ctx.facts.papers[0];
  if (primary === undefined) {
    return missing(ctx.cardFailure ? [ctx.cardFailure] : []);
  }
  if (!primary.paper.ok) {
    return missing([primary.paper.failure]);
  }
  const { value } = primary.paper;
  const mapped = mapArxivLicense(value.licenseUrl);
  const title = value.title ? `"${value.title}"` : primary.id;
  return found(
    [{ source: "arxiv", url: value.url, what: `arXiv:${primary.id} ${title}` }],
    [{ id: mapped.id, written: mapped.written, source: "arxiv", from: "arXiv record licence", url: `${value.url}` }],
  );
}
