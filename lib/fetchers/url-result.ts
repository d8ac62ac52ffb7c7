export type ModelTarget = { source: "hf"; id: string; revision: string | null } | { source: "github"; owner: string; repo: string };

export type UrlErrorCode =
  | "invalid_input"
  | "unsupported_scheme"
  | "credentials"
  | "port"
  | "ip_address"
  | "unsupported_host"
  | "dataset"
  | "space"
  | "paper"
  | "user_page"
  | "reserved_path"
  | "not_a_repo"
  | "invalid_id";

export type ParsedModelUrl = { ok: true; target: ModelTarget } | { ok: false; error: { code: UrlErrorCode; message: string } };

export const ok = (target: ModelTarget): ParsedModelUrl => ({ ok: true, target });

export const refuse = (code: UrlErrorCode, message: string): ParsedModelUrl => ({
  ok: false,
  error: { code, message },
});

/** decodeURIComponent that reports malformed escapes as null instead of throwing. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
