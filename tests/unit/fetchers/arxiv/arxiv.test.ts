import { afterEach, describe, expect, it } from "vitest";
import { getPaperLicense, parseOaiRecord } from "@/lib/fetchers/arxiv";
import { startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

let t: TestUpstream | undefined;
afterEach(async () => {
  await t?.mock.close();
  t = undefined;
});

describe("getPaperLicense", () => {
  it("returns the title and licence URL", async () => {
    t = await startTestUpstream();
    expect(await getPaperLicense(t.upstream, { id: "2401.00001" })).toEqual({
      id: "2401.00001",
      title: "Tiny Models & Open Releases: A Synthetic Study",
      licenseUrl: "http://creativecommons.org/licenses/by/4.0/",
      url: "https://arxiv.org/abs/2401.00001",
    });
  });

  it("returns licenseUrl null when the record has no <license>, dropping the version", async () => {
    t = await startTestUpstream();
    expect(await getPaperLicense(t.upstream, { id: "2401.00002v3" })).toMatchObject({
      id: "2401.00002",
      licenseUrl: null,
    });
  });

  it("maps idDoesNotExist to not_found", async () => {
    t = await startTestUpstream();
    await expect(getPaperLicense(t.upstream, { id: "2401.99999" })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("refuses an invalid identifier without a request", async () => {
    t = await startTestUpstream();
    await expect(getPaperLicense(t.upstream, { id: "not-an-id" })).rejects.toMatchObject({ kind: "not_found" });
    expect(t.mock.requests).toHaveLength(0);
  });

  it("reports a non-OAI answer as invalid_response", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path: "/arxiv/", status: 200, body: "<html>maintenance</html>" }] } });
    await expect(getPaperLicense(t.upstream, { id: "2401.00001" })).rejects.toMatchObject({ kind: "invalid_response" });
  });
});

describe("parseOaiRecord", () => {
  it("refuses documents with a DOCTYPE, so no entity can be expanded", () => {
    const xml = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><OAI-PMH><metadata><title>&e;</title></metadata></OAI-PMH>';
    expect(parseOaiRecord(xml)).toBeNull();
  });

  it("decodes predefined and numeric entities and CDATA", () => {
    const xml = "<OAI-PMH><metadata><title>A &lt;b&gt; &#233; <![CDATA[c & d]]></title></metadata></OAI-PMH>";
    expect(parseOaiRecord(xml)).toEqual({ ok: true, title: "A <b> é c & d", license: null });
  });

  it("reports OAI errors by code", () => {
    expect(parseOaiRecord('<OAI-PMH><error code="badArgument">x</error></OAI-PMH>')).toEqual({
      ok: false,
      errorCode: "badArgument",
    });
  });
});
