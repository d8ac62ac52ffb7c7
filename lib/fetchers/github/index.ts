export { getReadme } from "./readme";
export { getRepo } from "./repo";
export type { GithubRepoParams } from "./request";
export { getTree } from "./tree";
