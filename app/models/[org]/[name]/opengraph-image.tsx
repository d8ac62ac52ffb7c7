import { ImageResponse } from "next/og";
import { snapshotStore } from "@/lib/db/snapshots";
import { CLASS_COLOURS, className, classTitle, formatPercent } from "@/lib/report/display";
import { modelRefFromRoute } from "@/lib/report/model-ref";

export const alt = "MOF openness grade";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

interface ImageProps {
  params: Promise<{ org: string; name: string }>;
}

/** The share card: model id, class and progress from the latest stored snapshot (it never triggers an audit). */
export default async function OpenGraphImage({ params }: ImageProps) {
  const { org, name } = await params;
  const ref = modelRefFromRoute(org, name);
  const report = ref ? ((await snapshotStore().latest(ref.source, ref.id))?.report ?? null) : null;
  const cls = report?.class ?? 0;
  return new ImageResponse(
    <div
      style={{ display: "flex", flexDirection: "column", width: "100%", height: "100%", padding: 72, background: "#0b0b0f", color: "#fafafa", fontSize: 32 }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#a1a1aa" }}>mofscope · Model Openness Framework</div>
      <div style={{ display: "flex", fontSize: 64, fontWeight: 700, marginTop: 36 }}>{ref?.id ?? "Unknown model"}</div>
      <div style={{ display: "flex", alignItems: "center", marginTop: 48 }}>
        <div style={{ display: "flex", padding: "20px 36px", borderRadius: 20, background: CLASS_COLOURS[cls], fontSize: 56, fontWeight: 700 }}>
          {report ? classTitle(cls) : "Not audited yet"}
        </div>
        <div style={{ display: "flex", marginLeft: 36, fontSize: 40, color: "#d4d4d8" }}>{report ? className(cls) : ""}</div>
      </div>
      {report ? (
        <div style={{ display: "flex", marginTop: "auto", fontSize: 32, color: "#d4d4d8" }}>
          {`Class III ${formatPercent(report.progress[3])}  ·  Class II ${formatPercent(report.progress[2])}  ·  Class I ${formatPercent(report.progress[1])}${report.provisional ? "  ·  provisional" : ""}`}
        </div>
      ) : null}
    </div>,
    size,
  );
}
