import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { hfRepoIdSchema, hfRevisionSchema } from "./schemas";

// small configuration files only: the rules read a few of them (an adapter's base model), never weights
const READABLE = /^(adapter_config\.json)$/;

/** A small text file of a model repository (raw), for the few configuration files the rules read. */
export function getModelFileText(upstream: Upstream, params: { id: string; path: string; revision?: string | null }): Promise<string> {
  const rev = params.revision ?? "main";
  const url = `${upstream.config.hfEndpoint}/${params.id}/raw/${encodeURIComponent(rev)}/${params.path}`;
  checkInput(hfRepoIdSchema, params.id, url);
  checkInput(hfRevisionSchema, rev, url);
  if (!READABLE.test(params.path)) {
    throw new TypeError(`not a configuration file the audit reads: ${params.path}`);
  }
  return upstream.http.getText(url);
}
