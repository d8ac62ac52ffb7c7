import { NextResponse } from "next/server";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { readLimitedText } from "@/lib/api/read-limited";
import { snapshotStore } from "@/lib/db/snapshots";
import { reportJson } from "@/lib/frameworks/report-json";
import { MAX_YAML_BYTES } from "@/lib/mof";
import { classifyYaml } from "@/lib/report/classify";
import { spdxIdsIn } from "@/lib/report/spdx-ids";

/** POST a MOT YAML record as the body; answers with the stored report (plus its SPDX ids), or 400 with every error's path and line. */
export async function POST(request: Request): Promise<Response> {
  try {
    const text = await readLimitedText(request, MAX_YAML_BYTES);
    const name = request.headers.get("x-file-name")?.slice(0, 200) || "pasted YAML";
    const result = classifyYaml(text, name);
    if (!result.ok) {
      throw new ApiError("invalid_yaml", "The YAML is not a valid MOF record.", { details: result.errors });
    }
    const stored = await snapshotStore().save(result.report);
    // spdxIds rides along so the browser can link licences without shipping the licence catalogue
    return NextResponse.json({ ...reportJson(stored), spdxIds: spdxIdsIn(stored) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
