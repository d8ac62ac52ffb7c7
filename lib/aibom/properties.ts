import type { Osaid } from "@/lib/frameworks/osaid";
import { CLASS_ROMAN } from "@/lib/mof";
import type { Report } from "@/lib/report/schema";

export interface NamedValue {
  readonly name: string;
  readonly value: string;
}

const PROGRESS_KEYS = [3, 2, 1] as const;

/** The MOF grade, per-class progress, each component's status and the OSAID verdict, under a `mofscope:` namespace. */
export function mofscopeProperties(report: Report, osaid: Osaid, pageUrl: string | null): NamedValue[] {
  return [
    { name: "mofscope:mof:framework", value: `${report.record.framework.name} ${report.record.framework.version}` },
    { name: "mofscope:mof:class", value: String(report.class) },
    { name: "mofscope:mof:label", value: report.label },
    { name: "mofscope:mof:provisional", value: String(report.provisional) },
    ...PROGRESS_KEYS.map((cls) => ({ name: `mofscope:mof:progress:class-${CLASS_ROMAN[cls].toLowerCase()}`, value: String(report.progress[cls]) })),
    ...report.components.flatMap((c) => [
      { name: `mofscope:mof:component:${c.name}`, value: c.status },
      ...(c.license ? [{ name: `mofscope:mof:component:${c.name}:license`, value: c.license }] : []),
    ]),
    { name: "mofscope:osaid:definition", value: `${osaid.definition.name} ${osaid.definition.version}` },
    { name: "mofscope:osaid:verdict", value: osaid.verdict },
    ...(osaid.unknownKinds.length > 0 ? [{ name: "mofscope:osaid:unknown-kinds", value: osaid.unknownKinds.join(",") }] : []),
    ...osaid.requirements.map((r) => ({ name: `mofscope:osaid:requirement:${r.name}`, value: r.unknownKind ? `${r.status} (${r.unknownKind})` : r.status })),
    ...(report.id ? [{ name: "mofscope:snapshot", value: report.id }] : []),
    ...(pageUrl ? [{ name: "mofscope:report", value: pageUrl }] : []),
    { name: "mofscope:fetched-at", value: report.fetchedAt },
  ];
}

/** One line for a reader: "MOF: Class III - Open Model; OSAID 1.0: meets". */
export function verdictLine(report: Report, osaid: Osaid): string {
  const unknown = osaid.unknownKinds.length > 0 ? ` (${osaid.unknownKinds.join(", ")})` : "";
  return `MOF ${report.record.framework.version}: ${report.label}${report.provisional ? " (provisional)" : ""}; OSAID ${osaid.definition.version}: ${osaid.verdict}${unknown}`;
}
