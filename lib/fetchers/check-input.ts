import type { z } from "zod";
import { FetchFailure } from "./errors";

/** Validates a caller-supplied id, ref or revision before it goes into a URL path; invalid means "cannot exist". */
export function checkInput<S extends z.ZodType>(schema: S, value: unknown, url: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  throw new FetchFailure({ kind: "not_found", url, detail: parsed.error.issues[0]?.message ?? "invalid input" });
}
