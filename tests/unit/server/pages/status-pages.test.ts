import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstRequestMessage } from "@/lib/audit/outcome";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { badUrlPage, modelUnavailablePage, readBadUrl, readModelUnavailable, readRefused, refusedPage } from "@/lib/server/pages/status-pages";
import { SPOOF } from "@/tests/helpers/edge-requests";
import { queryOf, type RelayCapture, startRelayCapture } from "@/tests/helpers/relay-capture";

let capture: RelayCapture;

beforeAll(async () => {
  capture = await startRelayCapture();
});

afterAll(async () => {
  await capture.close();
});

/** The request the last relay made: its query and headers, as the page would read them. */
function relayed(): { query: Record<string, string | string[]>; headers: Headers } {
  const last = capture.seen.at(-1);
  if (last === undefined) {
    throw new Error("nothing was relayed");
  }
  return { query: queryOf(last.url), headers: last.headers };
}

const outsider = (headers: Headers) => {
  const copy = new Headers(headers);
  copy.delete("x-mofscope-relay");
  return copy;
};

describe("the 400 page for a pasted text", () => {
  it("gives the parser's code in fixed words and keeps the input only as the form's value", async () => {
    const response = await badUrlPage(SPOOF, "user_page");
    expect(response.status).toBe(400);
    const { query, headers } = relayed();
    const page = readBadUrl(query, headers);
    expect(page?.reason).toBe("this is a user or organisation page, not a model; paste the URL of one of its models");
    expect(page?.input).toBe(SPOOF);
  });

  it("renders nothing for a direct visit, a forged secret, an unknown code or a repeated parameter", async () => {
    await badUrlPage("x", "dataset");
    const { query, headers } = relayed();
    expect(readBadUrl(query, headers)).not.toBeNull();
    expect(readBadUrl(query, outsider(headers))).toBeNull();
    expect(readBadUrl(query, new Headers({ "x-mofscope-relay": "guess" }))).toBeNull();
    for (const code of ["nope", "__proto__", "toString", "hasOwnProperty", ""]) {
      expect(readBadUrl({ ...query, code }, headers), code).toBeNull();
    }
    expect(readBadUrl({ ...query, code: ["dataset", "space"] }, headers)).toBeNull();
    expect(readBadUrl({ ...query, message: SPOOF }, headers)?.reason).toBe("this is a dataset; mofscope audits models");
  });

  it("keeps at most 300 characters of the input", async () => {
    await badUrlPage("a".repeat(5000), "invalid_input");
    const { query, headers } = relayed();
    expect(readBadUrl(query, headers)?.input).toBe("a".repeat(300));
  });
});

describe("the page of a model that cannot have a report", () => {
  const ref = modelRefFromRoute("acme", "tool", "github");

  it("says again, from the code and the model alone, what the probe said, with the status and Retry-After of the code", async () => {
    if (ref === null) {
      throw new Error("acme/tool is a model id");
    }
    const response = await modelUnavailablePage(ref, { code: "rate_limited", message: SPOOF, retryAfterSeconds: 7.5 });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("8");
    const { query, headers } = relayed();
    expect(query).not.toHaveProperty("message");
    expect(readModelUnavailable(query, headers)).toEqual({
      ref,
      code: "rate_limited",
      status: 429,
      message: "The upstream is rate-limiting requests; try again in 8 s.",
      retryAfterSeconds: 8,
    });
    await modelUnavailablePage(ref, { code: "gated", message: SPOOF });
    const gated = readModelUnavailable(relayed().query, relayed().headers);
    expect(gated?.status).toBe(403);
    expect(gated?.message).toBe(firstRequestMessage("gated", "The GitHub repository acme/tool"));
  });

  it("renders nothing for a direct visit, a model that is not a model id, or a code no probe gives", async () => {
    const { query, headers } = relayed();
    expect(readModelUnavailable(query, outsider(headers))).toBeNull();
    for (const model of [SPOOF, "a/b/c", "a", "../x/y", "a/b%2Fc"]) {
      expect(readModelUnavailable({ ...query, model }, headers), model).toBeNull();
    }
    for (const code of ["bad_input", "internal", "__proto__"]) {
      expect(readModelUnavailable({ ...query, code }, headers), code).toBeNull();
    }
    for (const retry of ["-1", "0", "1e9", "2.5", "x"]) {
      expect(readModelUnavailable({ ...query, retry }, headers)?.retryAfterSeconds, retry).toBeUndefined();
    }
  });
});

describe("the page of a refused request", () => {
  it("names a cross-site form's model (403) and a malformed path (400) in fixed words", async () => {
    expect((await refusedPage("cross_site", modelRefFromRoute("LLM360", "Amber"))).status).toBe(403);
    const cross = readRefused(relayed().query, relayed().headers);
    expect(cross).toMatchObject({ status: 403, title: "Refused: sent from another site", ref: { source: "hf", id: "LLM360/Amber" } });
    expect((await refusedPage("malformed_path")).status).toBe(400);
    expect(readRefused(relayed().query, relayed().headers)).toMatchObject({ status: 400, title: "This address is malformed", ref: null });
  });

  it("renders nothing for a direct visit or an unknown code", async () => {
    await refusedPage("cross_site");
    const { query, headers } = relayed();
    expect(readRefused(query, outsider(headers))).toBeNull();
    expect(readRefused({ ...query, code: "constructor" }, headers)).toBeNull();
  });
});

describe("relayPage without a renderer", () => {
  it("falls back to the status alone, never the query it asked for", async () => {
    const port = process.env.PORT;
    process.env.PORT = "9";
    try {
      const response = await badUrlPage(SPOOF, "invalid_id");
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Error 400");
    } finally {
      process.env.PORT = port;
    }
  });
});
