import { type MockContext, type MockReply, readFixture, unavailableFixture } from "./mock-files";

export const arxivPrefix = "/arxiv";

const xmlHeaders = { "content-type": "text/xml; charset=utf-8" };

function oaiError(code: string, text: string): MockReply {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2025-01-01T00:00:00Z</responseDate>
<request verb="GetRecord">http://export.arxiv.org/oai</request><error code="${code}">${text}</error></OAI-PMH>`;
  return { status: 200, headers: xmlHeaders, body };
}

/** Serves OAI-PMH GetRecord under /arxiv from tests/fixtures/arxiv/oai/{id}.xml; errors come back as 200 like arXiv's. */
export async function handleArxiv(ctx: MockContext): Promise<MockReply | null> {
  if (ctx.url.pathname !== `${arxivPrefix}/oai`) {
    return null;
  }
  const params = ctx.url.searchParams;
  if (params.get("verb") !== "GetRecord") {
    return oaiError("badVerb", "Illegal verb");
  }
  const prefix = params.get("metadataPrefix");
  if (prefix !== "arXiv" && prefix !== "arXivRaw") {
    return oaiError("cannotDisseminateFormat", "Bad metadataPrefix");
  }
  const id = /^oai:arXiv\.org:(.+)$/.exec(params.get("identifier") ?? "")?.[1];
  const unavailable = id ? await unavailableFixture(ctx, "arxiv", "oai", id) : null;
  if (unavailable) {
    return unavailable;
  }
  const record = id ? await readFixture(ctx, "arxiv", "oai", `${id}.xml`) : null;
  if (record === null) {
    return oaiError("idDoesNotExist", "Malformed or unknown identifier");
  }
  return { status: 200, headers: xmlHeaders, body: record };
}
