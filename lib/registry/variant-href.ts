import { modelPath } from "@/lib/report/model-ref";

/** The page of a family variant from its member key (`mot:<name>`, `hf:<org/name>`, `github:<owner/repo>`); null for others. */
export function variantHref(key: string): string | null {
  const [, source = "", id = ""] = /^([a-z]+):(.+)$/.exec(key) ?? [];
  if (source === "mot") {
    return `/mot/${encodeURIComponent(id)}`;
  }
  return source === "hf" || source === "github" ? modelPath({ source, id }) : null;
}
