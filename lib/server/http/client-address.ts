import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { CLIENT_HEADER, INTERNAL_HEADER, INTERNAL_PREFIX, isInternal } from "./internal";

/** Whether the peer at `hop` (0 is the connection, 1 the address it forwarded, …) is a proxy whose word counts. */
export type TrustProxy = (address: string, hop: number) => boolean;

const TRUST_NONE: TrustProxy = () => false;

/**
 * The proxies trusted to say who the client is, from `MOFSCOPE_TRUST_PROXY` in the convention of Express's "trust
 * proxy": unset (or `false`) trusts none; a number trusts that many hops in front of the app; anything else is a
 * comma-separated list of addresses, CIDRs and the names `loopback`, `linklocal`, `uniquelocal`. `true` (every hop) is
 * refused, because it would take the left-most address, which the client writes.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = value?.trim() ?? "";
  if (setting === "" || setting === "false") {
    return TRUST_NONE;
  }
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  if (setting === "true") {
    throw new Error("MOFSCOPE_TRUST_PROXY=true would let every client choose its own address: name the proxies (addresses, CIDRs, loopback) or count them");
  }
  try {
    return proxyaddr.compile(setting.split(",").map((part) => part.trim()));
  } catch (error) {
    throw new Error(`MOFSCOPE_TRUST_PROXY: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Admits a request at the edge, before the page cache or Next sees it. A request this process made to itself keeps
 * its headers: it carries the key of the client it was made for. From anyone else every internal header is dropped
 * and the client key is set: the connection's address, or, through trusted proxies only, the right-most
 * `X-Forwarded-For` hop that no trusted proxy added.
 */
export function admitRequest(request: IncomingMessage, trust: TrustProxy): void {
  const { headers } = request;
  if (isInternal(headers[INTERNAL_HEADER])) {
    return;
  }
  for (const name of Object.keys(headers)) {
    if (name.startsWith(INTERNAL_PREFIX)) {
      delete headers[name];
    }
  }
  headers[CLIENT_HEADER] = proxyaddr(request, trust) || "unknown";
}
