import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { readLimitedText } from "@/lib/api/read-limited";
import { snapshotStore } from "@/lib/db/snapshots";
import { reportJson } from "@/lib/frameworks/report-json";
import { MAX_YAML_BYTES } from "@/lib/mof";
import { classifyYaml } from "@/lib/report/classify";
import { spdxIdsIn } from "@/lib/report/spdx-ids";
import { auditLimiter, classifyLimiter, clientKey } from "@/lib/server/http/rate-limit";

const permalinkParam = z.enum(["0", "1"]).nullable();

/**
 * POST a MOT YAML record as the body; answers with its report (plus its SPDX ids), or 400 with every error's path and
 * line. Nothing is stored unless `?permalink=1`: then the report is kept as a snapshot and `id` names it; such
 * requests share the audits' rate limit, the others have their own.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const permalink = permalinkParam.safeParse(new URL(request.url).searchParams.get("permalink"));
    if (!permalink.success) {
      throw new ApiError("bad_input", "permalink must be 1 (store the report and answer its id) or 0.");
    }
    const stores = permalink.data === "1";
    // refused before the body is read, so a client over its limit costs nothing more
    const allowed = await (stores ? auditLimiter() : classifyLimiter()).take(clientKey(request.headers));
    if (!allowed.ok) {
      const what = stores ? "permalinks and audits" : "classifications";
      throw new ApiError("rate_limited", `Too many ${what} from your address; wait a moment.`, { retryAfterSeconds: allowed.retryAfterSeconds });
    }
    const text = await readLimitedText(request, MAX_YAML_BYTES);
    const name = request.headers.get("x-file-name")?.slice(0, 200) || "pasted YAML";
    const result = classifyYaml(text, name);
    if (!result.ok) {
      throw new ApiError("invalid_yaml", "The YAML is not a valid MOF record.", { details: result.errors });
    }
    const report = stores ? await snapshotStore().save(result.report) : result.report;
    // spdxIds rides along so the browser can link licences without shipping the licence catalogue
    return NextResponse.json({ ...reportJson(report), spdxIds: spdxIdsIn(report) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
