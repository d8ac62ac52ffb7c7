/** Helpers that read a model card's Markdown body; pure and tolerant of any text. */

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/;

// hub's auto-generated template for cards pushed without one (transformers `push_to_hub`)
const TEMPLATE_MARKERS = [
  "This is the model card of a 🤗 transformers model that has been pushed on the Hub. This model card has been automatically generated.",
];

export function cardBody(card: string): string {
  return card.replace(FRONT_MATTER, "");
}

/** True when the body has real content rather than the empty auto-generated template. */
export function hasRealContent(card: string): boolean {
  const body = cardBody(card).trim();
  if (TEMPLATE_MARKERS.some((m) => body.includes(m)) && (body.match(/\[More Information Needed\]/g)?.length ?? 0) > 5) {
    return false;
  }
  return body.replace(/\s+/g, " ").length >= 200;
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to dashes. */
export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

/** `owner/repo` of every GitHub repository the text links, in order of first appearance. */
export function githubRepoLinks(text: string): string[] {
  const found = [...text.matchAll(/github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})/g)]
    .map((m) => `${m[1]}/${(m[2] ?? "").replace(/[.]+$/, "").replace(/\.git$/, "")}`)
    .filter((r) => !/\/(issues|pulls|blob|tree|sponsors)$/.test(r));
  return [...new Set(found)];
}

/** Hub dataset ids the text links (`huggingface.co/datasets/{id}`, legacy one-segment ids included), in order. */
export function hubDatasetLinks(text: string): string[] {
  const found = [...text.matchAll(/(?:huggingface\.co|hf\.co)\/datasets\/([A-Za-z0-9][\w.-]{0,95})(?:\/([A-Za-z0-9][\w.-]{0,95}))?/g)].map((m) => {
    const [, first = "", second] = m;
    // a second segment that is a route of the dataset page belongs to a legacy id
    return second === undefined || /^(tree|blob|resolve|raw|viewer|discussions|commits?)$/.test(second) ? first : `${first}/${second}`;
  });
  return [...new Set(found.map((id) => id.replace(/[.]+$/, "")))];
}

/** arXiv ids the text links or cites (abs/pdf URLs, `arXiv:` mentions, BibTeX eprints, HF paper pages). */
export function arxivIds(text: string): string[] {
  const patterns = [
    /arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/gi,
    /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/gi,
    /arxiv[:\s]+(\d{4}\.\d{4,5})/gi,
    /eprint\s*=\s*[{"](\d{4}\.\d{4,5})/gi,
  ];
  const ids = patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1] as string));
  return [...new Set(ids)];
}
