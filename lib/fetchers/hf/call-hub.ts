import { HubApiError } from "@huggingface/hub";
import type { z } from "zod";
import { FetchFailure, isFetchFailure } from "../errors";

/** Runs a @huggingface/hub call and turns whatever it throws into a FetchFailure about `url`. */
export async function callHub<T>(url: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isFetchFailure(error)) {
      throw error;
    }
    if (error instanceof HubApiError) {
      const status = error.statusCode;
      const kind = status === 404 || status === 401 ? "not_found" : status === 429 ? "rate_limited" : "upstream_error";
      throw new FetchFailure({ kind, url, status, cause: error });
    }
    // the library casts response.json(): bad JSON or a missing array surfaces as SyntaxError/TypeError
    throw new FetchFailure({ kind: "invalid_response", url, detail: "unexpected answer from the hub", cause: error });
  }
}

/** Validates what the library returned; it does not validate responses itself. */
export function parseHub<S extends z.ZodType>(url: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new FetchFailure({ kind: "invalid_response", url, detail: `unexpected shape${where}` });
}
