import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RepoFacts } from "@/lib/evidence/facts";

const repos = join(import.meta.dirname, "..", "fixtures", "github", "repos");

interface RepoWire {
  full_name: string;
  html_url: string;
  default_branch: string;
  license: { key: string; spdx_id: string | null; name: string } | null;
}

/** A recorded GitHub repository (metadata and tree) as the audit's facts, without the network. */
export function recordedRepo(fullName: string): RepoFacts {
  const wire = JSON.parse(readFileSync(join(repos, `${fullName}.json`), "utf8")) as RepoWire;
  const tree = JSON.parse(readFileSync(join(repos, fullName, "git", "trees", `${wire.default_branch}.json`), "utf8")) as {
    tree: { path: string; type: string }[];
    truncated: boolean;
  };
  const license = wire.license ? { key: wire.license.key, spdxId: wire.license.spdx_id, name: wire.license.name } : null;
  return {
    fullName: wire.full_name,
    url: wire.html_url,
    repo: {
      ok: true,
      value: {
        fullName: wire.full_name,
        htmlUrl: wire.html_url,
        defaultBranch: wire.default_branch,
        description: null,
        archived: false,
        fork: false,
        topics: [],
        license,
      },
    },
    tree: { ok: true, value: { paths: tree.tree.filter((e) => e.type === "blob").map((e) => e.path), truncated: tree.truncated } },
    readme: { ok: true, value: "" },
  };
}
