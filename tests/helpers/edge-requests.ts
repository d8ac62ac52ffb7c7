import { request as httpRequest } from "node:http";

/** Paths whose percent-escapes do not decode: the API answers them with JSON, everything else with the 400 page. */
export const MALFORMED_PATHS = {
  api: ["/api/v1/reports/%ff", "/api/v1/audit%ff?url=x"],
  pages: ["/models/%ff%fe/x", "/r/%ff", "/models/LLM360/%E0%A4%A", "/x%", "/families/%c0%af/x"],
};

/** Methods no route answers, each with a path it would otherwise reach. */
export const REFUSED_METHODS: readonly (readonly [string, string])[] = [
  ["TRACE", "/"],
  ["TRACE", "/models/LLM360/Amber"],
  ["TRACE", "/api/v1/audit?url=LLM360/Amber"],
  ["DELETE", "/models/LLM360/Amber"],
  ["PROPFIND", "/"],
];

/**
 * Re-audit POSTs and the status each deserves on a server at `own`: another site's are refused (403), this site's
 * own page and a client that is no browser are served (303).
 */
export function crossSitePosts(own: string): [Record<string, string>, 403 | 303][] {
  return [
    [{ origin: "https://evil.example" }, 403],
    [{ origin: "null" }, 403],
    [{ origin: `${own}.evil.example` }, 403],
    [{ "sec-fetch-site": "cross-site" }, 403],
    [{ "sec-fetch-site": "same-site", origin: "http://sub.127.0.0.1.nip.io" }, 403],
    // Sec-Fetch-Site is the browser's own verdict, so it wins over an Origin that looks right
    [{ "sec-fetch-site": "cross-site", origin: own }, 403],
    [{ "sec-fetch-site": "same-origin", origin: own }, 303],
    [{ origin: own }, 303],
    // no Origin and no Sec-Fetch-Site: not a browser, so nothing ambient to borrow
    [{}, 303],
  ];
}

/** Words a crafted link would want shown under the site's name. */
export const SPOOF = "Your account is locked: call 555-0100";
const spoof = encodeURIComponent(SPOOF);

/** Status pages visited directly: each must be the neutral 404, whatever the query says. */
export const FORGED_STATUS_PAGES = [
  `/bad-url?input=${spoof}&code=dataset&message=${spoof}`,
  `/model-unavailable?status=200&code=gated&model=${spoof}&message=${spoof}&path=/models/a/b`,
  "/model-unavailable?code=not_found&model=LLM360/Amber",
  "/refused?code=cross_site&model=LLM360/Amber",
];

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** A request over node:http, which sends what fetch refuses to (TRACE) and any header a browser would. */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const flat = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
        resolve({ status: response.statusCode ?? 0, headers: flat, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    request.on("error", reject);
    request.end();
  });
}
