/** A Hub repository as the evidence links it: on the Hub at a commit, or by its path in a release folder on disk. */
export interface Linkable {
  readonly url: string;
  readonly sha: string | null;
  readonly folderPath?: string | undefined;
}

const inFolder = (folder: string, path: string) => (folder === "" ? path : `${folder}/${path}`);

/** A file of the repository: at the audited commit on the Hub, or its path in the release folder. */
export function fileLink(repo: Linkable, path: string): string {
  return repo.folderPath === undefined ? `${repo.url}/blob/${repo.sha ?? "main"}/${path}` : inFolder(repo.folderPath, path);
}

/** The repository's page: the Hub page, or the card file in the release folder. */
export function pageLink(repo: Linkable): string {
  return repo.folderPath === undefined ? repo.url : inFolder(repo.folderPath, "README.md");
}

/** An anchor in the repository's card. */
export function sectionLink(repo: Linkable, slug: string): string {
  // the preamble before the first heading has no anchor: it links the page
  return slug === "" ? pageLink(repo) : `${pageLink(repo)}#${slug}`;
}
