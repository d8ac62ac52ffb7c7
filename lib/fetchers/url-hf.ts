import { hfRevisionSchema } from "./hf/schemas";
import { decodeSegment, ok, type ParsedModelUrl, refuse } from "./url-result";

// first path segments that are site sections, not namespaces (hub-apis §6, non-exhaustive)
const reserved = new Set([
  "docs",
  "blog",
  "collections",
  "organizations",
  "settings",
  "login",
  "join",
  "pricing",
  "tasks",
  "learn",
  "posts",
  "api",
  "new",
  "search",
  "chat",
  "enterprise",
  "inference-endpoints",
  "terms-of-service",
  "privacy",
  "notifications",
  "billing",
  "changelog",
  "welcome",
  "leaderboards",
  "mcp",
]);
const revisionRoutes = new Set(["tree", "blob", "resolve", "raw", "blame", "commit", "commits"]);
const namePattern = /^[A-Za-z0-9_.-]{1,96}$/;

/** A namespace or repo name as the hub accepts it: no leading/trailing `-`/`.`, no `--` or `..`. */
export function isHfName(name: string): boolean {
  return namePattern.test(name) && !/^[-.]|[-.]$/.test(name) && !name.includes("--") && !name.includes("..");
}

/** Interprets the path of a huggingface.co / hf.co URL (segments still percent-encoded). */
export function parseHfPath(segments: string[], display: string): ParsedModelUrl {
  const [first, second, third] = segments;
  if (first === undefined) {
    return refuse("not_a_repo", "this is the Hugging Face home page; paste a model URL");
  }

  if (first === "datasets" || first === "spaces") {
    const kind = first === "datasets" ? "dataset" : "Space";
    const code = first === "datasets" ? "dataset" : "space";
    const id = second && third ? `${second}/${third}` : second;
    const which = id ? `; the ${kind.toLowerCase()} is ${id}` : "";
    return refuse(code, `this is a ${kind}, mofscope audits models${which}`);
  }
  if (first === "papers") {
    const which = second ? ` (arXiv ${second})` : "";
    return refuse("paper", `this is a paper page${which}; paste the URL of a model that cites it`);
  }
  if (first === "models") {
    if (segments.length < 3) {
      return refuse("not_a_repo", "this is the model listing; paste one model's URL");
    }
    return parseRepoPath(segments.slice(1), display);
  }
  if (first === "api" && second === "models" && segments.length >= 4) {
    return parseRepoPath(segments.slice(2), display);
  }
  if (first === "api" && second === "datasets") {
    return refuse("dataset", `this is a dataset, mofscope audits models; the dataset is ${segments.slice(2, 4).join("/")}`);
  }
  if (reserved.has(first.toLowerCase())) {
    return refuse("reserved_path", `${display} is a Hugging Face site page, not a model`);
  }
  if (segments.length === 1) {
    return refuse("user_page", `${display} is a user or organisation page, not a model; paste a model URL such as huggingface.co/${first}/<model>`);
  }
  return parseRepoPath(segments, display);
}

function parseRepoPath(segments: string[], display: string): ParsedModelUrl {
  const [rawOrg = "", rawName = "", route, ...rest] = segments;
  const org = decodeSegment(rawOrg);
  const name = decodeSegment(rawName);
  if (org === null || name === null || !isHfName(org) || !isHfName(name)) {
    return refuse("invalid_id", `${display} does not name a valid Hugging Face model (namespace/name)`);
  }
  const revision = route !== undefined && revisionRoutes.has(route) ? revisionFrom(rest) : null;
  if (revision === undefined) {
    return refuse("invalid_id", `${display} has a malformed revision`);
  }
  return ok({ source: "hf", id: `${org}/${name}`, revision });
}

// special refs may arrive unencoded (refs/pr/1); others carry "/" percent-encoded in one segment
function revisionFrom(rest: string[]): string | null | undefined {
  const joined = rest.join("/");
  const special = /^refs\/(?:pr\/\d+|convert\/[A-Za-z0-9_.-]+)/.exec(joined);
  const raw = special ? special[0] : rest[0];
  if (raw === undefined || raw === "") {
    return null;
  }
  const revision = decodeSegment(raw);
  if (revision === null) {
    return undefined;
  }
  return hfRevisionSchema.safeParse(revision).success ? revision : undefined;
}

/** Bare `org/name[@rev]` (also after `hf://` or a `models/` prefix). */
export function parseBareId(input: string): ParsedModelUrl {
  const [path = "", revisionPart, extra] = input.split("@");
  const segments = path.split("/").filter((s) => s !== "");
  if (extra !== undefined || revisionPart === "") {
    return refuse("invalid_id", `${input} is not a model id (org/name[@revision])`);
  }
  const result = parseHfPath(segments, path);
  if (!result.ok || result.target.source !== "hf" || revisionPart === undefined) {
    return result;
  }
  if (!hfRevisionSchema.safeParse(revisionPart).success) {
    return refuse("invalid_id", `${input} has a malformed revision`);
  }
  return ok({ ...result.target, revision: revisionPart });
}
