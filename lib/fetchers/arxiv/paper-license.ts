import { z } from "zod";
import type { ArxivPaper } from "@/lib/evidence/upstream-facts";
import { checkInput } from "../check-input";
import { FetchFailure } from "../errors";
import type { Upstream } from "../upstream";
import { parseOaiRecord } from "./oai-record";

/** New-style `2401.01234[v2]` or old-style `hep-th/9901001`, `math.GT/0309136`. */
export const arxivIdSchema = z.string().regex(/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/, "not an arXiv identifier");

/** Title and licence of an arXiv paper from OAI-PMH (the Atom API has no licence field). */
export async function getPaperLicense(upstream: Upstream, params: { id: string }): Promise<ArxivPaper> {
  const base = upstream.config.arxivApiUrl;
  const query = new URLSearchParams({
    verb: "GetRecord",
    identifier: `oai:arXiv.org:${params.id.replace(/v\d+$/, "")}`,
    metadataPrefix: "arXiv",
  });
  const url = `${base}/oai?${query.toString()}`;
  const id = checkInput(arxivIdSchema, params.id, url).replace(/v\d+$/, "");

  const record = parseOaiRecord(await upstream.http.getText(url));
  if (record === null) {
    throw new FetchFailure({ kind: "invalid_response", url, detail: "not an OAI-PMH record" });
  }
  if (!record.ok) {
    const kind = record.errorCode === "idDoesNotExist" ? "not_found" : "upstream_error";
    throw new FetchFailure({ kind, url, detail: `OAI-PMH error ${record.errorCode}` });
  }
  return { id, title: record.title, licenseUrl: record.license, url: `https://arxiv.org/abs/${id}` };
}
