import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { endpointDisabled, readJsonBody } from "@/lib/api/write-gate";
import { parseModelUrl } from "@/lib/fetchers/url";
import { clientKey, writeLimiter } from "@/lib/server/http/rate-limit";
import { configuredSecret, sameSecret } from "@/lib/server/http/shared-secret";
import { enqueueModel } from "@/lib/server/loaders/index-jobs";

// the fields mofscope reads of a Hub webhook; the rest of the payload (discussion, comment, updatedRefs…) is let be
const payloadSchema = z.object({
  event: z.object({ action: z.string().min(1).max(50), scope: z.string().min(1).max(100) }),
  repo: z.object({
    type: z.string().min(1).max(50),
    name: z.string().min(1).max(200),
    headSha: z
      .string()
      .regex(/^[0-9a-f]{40}$/, "a 40-character commit hash")
      .optional(),
  }),
});

// a model's files changed (a push, a merge) or it was made: its grade may have moved
const REAUDIT_SCOPES = new Set(["repo", "repo.content"]);
const REAUDIT_ACTIONS = new Set(["create", "update"]);

const answer = (status: 200 | 202, body: Record<string, unknown>) => NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * The Hub's webhook: a model repository's update enqueues a re-audit of that model at its new commit. The secret
 * comes in `X-Webhook-Secret` (MOFSCOPE_WEBHOOK_SECRET; off, 404, without it). Other repositories and events are
 * answered 200 with the reason they were let be; a replay of one commit is enqueued once.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const secret = configuredSecret(process.env.MOFSCOPE_WEBHOOK_SECRET);
    if (secret === null) {
      throw endpointDisabled("MOFSCOPE_WEBHOOK_SECRET");
    }
    const allowed = await writeLimiter().take(clientKey(request.headers));
    if (!allowed.ok) {
      throw new ApiError("rate_limited", "Too many webhook calls from your address; wait a moment.", { retryAfterSeconds: allowed.retryAfterSeconds });
    }
    if (!sameSecret(request.headers.get("x-webhook-secret"), secret)) {
      throw new ApiError("unauthorized", "The X-Webhook-Secret header is missing or not this server's webhook secret.");
    }
    const parsed = payloadSchema.safeParse(await readJsonBody(request, "a Hugging Face webhook payload"));
    if (!parsed.success) {
      throw new ApiError(
        "bad_input",
        `Not a Hugging Face webhook payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}.`,
      );
    }
    const { event, repo } = parsed.data;
    if (repo.type !== "model") {
      return answer(200, { enqueued: false, reason: `${repo.type} repositories are not graded; only models are` });
    }
    if (!REAUDIT_SCOPES.has(event.scope) || !REAUDIT_ACTIONS.has(event.action)) {
      return answer(200, { enqueued: false, reason: `a ${event.scope} ${event.action} event does not change a model's files` });
    }
    const target = parseModelUrl(repo.name);
    if (!target.ok || target.target.source !== "hf") {
      throw new ApiError("bad_input", "repo.name is not a Hugging Face model id (owner/name).");
    }
    const sha = repo.headSha ?? null;
    const result = await enqueueModel(target.target.id, sha);
    return result.enqueued
      ? answer(202, { enqueued: true, model: target.target.id, sha })
      : answer(200, { enqueued: false, model: target.target.id, sha, reason: result.reason });
  } catch (error) {
    return toErrorResponse(error);
  }
}
