import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startAudit } from "@/lib/audit";
import { COMPONENTS } from "@/lib/mof/components";
import { reportOf, useAuditEnv } from "@/tests/helpers/audit-env";

const releases = Object.keys(
  (JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "releases", "expected.json"), "utf8")) as { releases: Record<string, unknown> })
    .releases,
);

const env = useAuditEnv();
const idle = () => new Promise((resolve) => setImmediate(resolve));
const cid = (name: string) => COMPONENTS.find((c) => c.name === name)?.cid ?? -1;

describe.each(releases)("the components of %s as the audit settles them", (id) => {
  it("settles the rows the model info and card decide while the repositories and papers are held, each as the finished report reads it", async () => {
    // the third round (GitHub repositories, arXiv papers) gets no answer until the gate opens
    let open = () => {};
    env().mock.setFaults([{ path: /^\/(github|arxiv)\//, hold: new Promise<void>((resolve) => (open = resolve)) }]);
    const run = startAudit(id, env().deps({ cache: false }));
    const resolved = new Set<string>();
    const rows = COMPONENTS.map((c) =>
      run.progress.component(c.cid).then((row) => {
        resolved.add(c.name);
        return row;
      }),
    );

    // if the rows waited for the whole audit, these would never resolve and the test would time out
    await run.progress.component(cid("Model parameters (Final)"));
    await run.progress.component(cid("Model card"));
    await idle();
    const early = [...resolved];
    open();
    const report = reportOf(await run.outcome);

    expect(await Promise.all(rows)).toEqual(COMPONENTS.map((c) => report.components.find((r) => r.cid === c.cid)));
    expect(early).toEqual(expect.arrayContaining(["Model parameters (Final)", "Model architecture", "Model card"]));
    for (const late of ["Research paper", "Technical report", "Training code"]) {
      expect(early).not.toContain(late);
    }
  });
});

it("a failed audit ends its progress: every component waiting for a row gets none", async () => {
  const run = startAudit("acme/no-such-model-anywhere", env().deps({ cache: false }));
  expect((await run.outcome).ok).toBe(false);
  expect(await run.progress.component(cid("Model parameters (Final)"))).toBeNull();
});
