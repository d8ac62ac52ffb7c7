import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { endpointDisabled, readJsonBody } from "@/lib/api/write-gate";
import { isFetchFailure } from "@/lib/fetchers/errors";
import { OWNER_NAME } from "@/lib/index/selection";
import { clientKey, writeLimiter } from "@/lib/server/http/rate-limit";
import { bearerToken, configuredSecret, sameSecret } from "@/lib/server/http/shared-secret";
import { enqueueSelection } from "@/lib/server/loaders/index-jobs";

const selectionSchema = z
  .object({
    author: z.array(z.string().regex(OWNER_NAME, "an organisation or user name")).min(1).max(100).optional(),
    search: z.string().trim().min(1).max(200).optional(),
    top: z.number().int().min(1).max(10_000).optional(),
    pipeline: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "a pipeline tag such as text-generation")
      .optional(),
  })
  .strict()
  .refine((s) => s.author !== undefined || s.search !== undefined || s.top !== undefined || s.pipeline !== undefined, {
    message: "name at least one of author, search, top, pipeline",
  });

/**
 * Enqueues an index run (`mofscope index --enqueue-only` over HTTP): lists the selection on the Hub and enqueues an
 * audit of each model whose commit moved. Needs `Authorization: Bearer $MOFSCOPE_ADMIN_TOKEN`; off (404) without it.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const token = configuredSecret(process.env.MOFSCOPE_ADMIN_TOKEN);
    if (token === null) {
      throw endpointDisabled("MOFSCOPE_ADMIN_TOKEN");
    }
    const allowed = await writeLimiter().take(clientKey(request.headers));
    if (!allowed.ok) {
      throw new ApiError("rate_limited", "Too many index requests from your address; wait a moment.", { retryAfterSeconds: allowed.retryAfterSeconds });
    }
    const presented = bearerToken(request.headers.get("authorization"));
    if (presented === null) {
      const response = toErrorResponse(new ApiError("unauthorized", "Send the admin token as `Authorization: Bearer <token>`."));
      response.headers.set("www-authenticate", 'Bearer realm="mofscope"');
      return response;
    }
    if (!sameSecret(presented, token)) {
      throw new ApiError("forbidden", "The admin token is not this server's.");
    }
    const parsed = selectionSchema.safeParse(await readJsonBody(request, 'a JSON selection such as {"author": ["allenai"]}'));
    if (!parsed.success) {
      throw new ApiError("bad_input", `The selection is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}.`);
    }
    const { author, search, top, pipeline } = parsed.data;
    const selection = {
      ...(author ? { authors: author } : {}),
      ...(search !== undefined ? { search } : {}),
      ...(top !== undefined ? { top } : {}),
      ...(pipeline !== undefined ? { pipeline } : {}),
    };
    const run = await enqueueSelection(selection).catch((error: unknown) => {
      if (isFetchFailure(error)) {
        throw new ApiError("upstream_error", `The Hub's list API failed (${error.kind}); nothing was enqueued.`);
      }
      throw error;
    });
    return NextResponse.json(
      { selection: parsed.data, listed: run.listed, unchanged: run.unchanged, enqueued: run.enqueued.length, models: run.enqueued },
      { status: 202, headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
