import { z } from "zod";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { hfRepoIdSchema } from "./schemas";

/** Where a model's main branch stands on the Hub now. */
export interface ModelHead {
  sha: string | null;
  lastModified: string | null;
}

const headWireSchema = z.object({ sha: z.string().optional(), lastModified: z.string().optional() });

/**
 * The model's head commit and when it last changed: one API request with only those two fields expanded (the
 * cheapest answer the Hub gives), never from the response cache, since its whole point is what the Hub says now.
 */
export async function getModelHead(upstream: Upstream, params: { id: string }): Promise<ModelHead> {
  const url = `${upstream.config.hfEndpoint}/api/models/${params.id}/revision/main?expand=sha&expand=lastModified`;
  checkInput(hfRepoIdSchema, params.id, url);
  const wire = await upstream.http.getJson(url, headWireSchema, { cache: false });
  return { sha: wire.sha ?? null, lastModified: wire.lastModified ?? null };
}
