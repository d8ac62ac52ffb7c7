import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { osaidOf, osaidSchema } from "@/lib/frameworks/osaid";
import type { Report } from "@/lib/report/schema";
import type { AuditEnv } from "@/tests/helpers/audit-env";
import { auditAll, startAuditEnv } from "@/tests/helpers/audit-env";

interface ExpectedRequirement {
  status: string;
  unknownKind?: string;
  mentions: string[];
  why: string;
}

interface ExpectedRelease {
  verdict: string;
  unknownKinds: string[];
  requirements: Record<string, ExpectedRequirement>;
}

const golden = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "releases", "osaid-expected.json"), "utf8")) as {
  releases: Record<string, ExpectedRelease>;
};

let env: AuditEnv;
const reports = new Map<string, Report>();

beforeAll(async () => {
  env = await startAuditEnv();
  for (const [id, report] of await auditAll(env, Object.keys(golden.releases))) {
    reports.set(id, report);
  }
});

afterAll(async () => {
  await env.close();
});

describe.each(Object.entries(golden.releases))("OSAID 1.0 verdict of %s", (id, want) => {
  const osaid = () => osaidOf(reports.get(id) as Report);

  it("has the hand-reasoned verdict, in the API's schema", () => {
    expect(osaidSchema.parse(osaid())).toEqual(osaid());
    expect({ verdict: osaid().verdict, unknownKinds: osaid().unknownKinds }).toEqual({ verdict: want.verdict, unknownKinds: want.unknownKinds });
    expect(osaid().requirements.map((r) => r.name)).toEqual(Object.keys(want.requirements));
  });

  it.each(Object.entries(want.requirements))("%s", (name, requirement) => {
    const got = osaid().requirements.find((r) => r.name === name);
    expect({ status: got?.status, unknownKind: got?.unknownKind ?? null }, requirement.why).toEqual({
      status: requirement.status,
      unknownKind: requirement.unknownKind ?? null,
    });
    for (const fact of requirement.mentions) {
      expect(got?.reason, `${name}: the reason names "${fact}"`).toContain(fact);
    }
  });

  it("links every requirement it decided to evidence", () => {
    for (const requirement of osaid().requirements.filter((r) => r.status === "meets")) {
      expect(requirement.evidence.length, requirement.name).toBeGreaterThan(0);
    }
  });
});
