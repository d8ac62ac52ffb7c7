import { parseModelUrl, type UrlErrorCode } from "@/lib/fetchers/url";
import { type ModelRef, modelRefFromRoute } from "@/lib/report/model-ref";

/** What a pasted URL or id names, or the parser's reason for refusing it. */
export function refForInput(input: string): { ok: true; ref: ModelRef } | { ok: false; code: UrlErrorCode; message: string } {
  const parsed = parseModelUrl(input);
  if (!parsed.ok) {
    return { ok: false, code: parsed.error.code, message: parsed.error.message };
  }
  const target = parsed.target;
  const ref = target.source === "github" ? modelRefFromRoute(target.owner, target.repo, "github") : modelRefFromRoute(...splitId(target.id));
  return ref ? { ok: true, ref } : { ok: false, code: "invalid_id", message: "that does not name a model repository" };
}

function splitId(id: string): [string, string] {
  const [org = "", name = ""] = id.split("/");
  return [encodeURIComponent(org), encodeURIComponent(name)];
}
