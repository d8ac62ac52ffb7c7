import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { MockUpstream } from "@/tests/helpers/mock-upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { folderLikeFixture } from "@/tests/helpers/release-folder";

const ROOT = join(import.meta.dirname, "..", "..");

interface ActionStep {
  id?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
const auditStep = action.runs.steps.find((s) => s.id === "audit") as ActionStep;

let mock: MockUpstream;
let upstreamEnv: Record<string, string>;

beforeAll(async () => {
  mock = await startMockUpstream();
  upstreamEnv = { HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl };
});

afterAll(async () => {
  await mock.close();
});

interface StepRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

// what the runner does for the step: fill its env from the inputs (defaults from action.yml), run its script with bash
function runStep(given: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<StepRun> {
  const temp = mkdtempSync(join(tmpdir(), "mofscope-action-"));
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? ""]));
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => {
      if (path === "runner.temp") {
        return temp;
      }
      const input = /^inputs\.([\w-]+)$/.exec(path)?.[1];
      if (input === undefined || !(input in values)) {
        throw new Error(`the test runner does not know the expression ${path}`);
      }
      return values[input] ?? "";
    });
  const stepEnv = Object.fromEntries(Object.entries(auditStep.env ?? {}).map(([k, v]) => [k, expression(String(v))]));
  const outputs = join(temp, "output");
  const summary = join(temp, "summary");
  writeFileSync(outputs, "");
  writeFileSync(summary, "");
  const env = {
    ...process.env,
    ...upstreamEnv,
    ...stepEnv,
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/tiny",
    GITHUB_RUN_ID: "42",
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", auditStep.run ?? ""], { env, cwd: temp }, (error, stdout) => {
      const lines = readFileSync(outputs, "utf8").split("\n").filter(Boolean);
      resolve({
        code: error && typeof error.code === "number" ? error.code : 0,
        stdout,
        outputs: Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])),
        summary: readFileSync(summary, "utf8"),
      });
    });
  });
}

describe("action.yml", () => {
  it("is a composite action with the documented inputs and outputs, fed by the audit step", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(["model", "min-class", "framework", "format", "fail-on-unknown"]);
    expect(action.inputs.model?.required).toBe(true);
    const fromAuditStep = (name: string) => expect.objectContaining({ value: `\${{ steps.audit.outputs.${name} }}` });
    expect(action.outputs).toEqual({ class: fromAuditStep("class"), progress: fromAuditStep("progress"), "report-url": fromAuditStep("report-url") });
    // no input is spliced into the script, where a crafted value could run as shell
    expect(auditStep.run).not.toContain("${{");
  });
});

describe("the action's audit step", { timeout: 60_000 }, () => {
  it("passes a model that meets the minimum, with its outputs and a Markdown job summary", async () => {
    const run = await runStep({ model: "allenai/OLMo-7B", "min-class": "3", format: "markdown" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("## MOF openness: allenai/OLMo-7B");
    expect(run.outputs.class).toBe("3");
    expect(Object.keys(JSON.parse(run.outputs.progress ?? "{}") as object)).toEqual(["1", "2", "3"]);
    expect(run.outputs["report-url"]).toBe("https://github.com/acme/tiny/actions/runs/42");
    expect(run.summary).toContain("## MOF openness: allenai/OLMo-7B");
    expect(run.summary).toContain("**Gate:** passed (at least Class III)");
  });

  it("fails the step for a release folder below the minimum, and says why", async () => {
    const run = await runStep({ model: folderLikeFixture("LLM360/Amber"), "min-class": "2" }, { MOFSCOPE_PUBLIC_URL: "https://mofscope.example" });
    expect(run.code).toBe(1);
    expect(run.outputs.class).toBe("0");
    // a folder has no page on a server: the run's summary is the report
    expect(run.outputs["report-url"]).toBe("https://github.com/acme/tiny/actions/runs/42");
    expect(run.summary).toContain("Once published:");
    expect(run.summary).toContain("**Gate:** failed: Unclassified is below Class II");
    expect(run.stdout).toContain("::error title=mofscope::failed: Unclassified is below Class II");
  });

  it("links the report on the server MOFSCOPE_PUBLIC_URL names, and fails on an unknown component when asked", async () => {
    mock.setFaults([{ path: "/api/datasets/allenai/dolma", status: 503 }]);
    try {
      const run = await runStep(
        { model: "https://huggingface.co/allenai/OLMo-7B", "min-class": "3", "fail-on-unknown": "true" },
        { MOFSCOPE_PUBLIC_URL: "https://mofscope.example/" },
      );
      expect(run.code).toBe(3);
      expect(run.outputs["report-url"]).toBe("https://mofscope.example/models/allenai/OLMo-7B");
      expect(run.summary).toContain("**Gate:** failed: a source could not be checked");
    } finally {
      mock.setFaults([]);
    }
  });

  it("gates on OSAID with framework: osaid, naming the verdict that failed the step", async () => {
    const meets = await runStep({ model: "allenai/OLMo-7B", framework: "osaid", "min-class": "3" });
    expect(meets.code).toBe(0);
    expect(meets.summary).toContain("**Gate:** passed (meets OSAID, at least Class III)");
    const fails = await runStep({ model: "mistralai/Mistral-7B-v0.1", framework: "osaid" });
    expect(fails.code).toBe(1);
    expect(fails.stdout).toContain("::error title=mofscope::failed: mistralai/Mistral-7B-v0.1 does not meet OSAID 1.0:");
    const judgement = await runStep({ model: "LLM360/CrystalCoder", framework: "osaid" });
    expect(judgement.code).toBe(1);
    expect(judgement.summary).toContain(`**Gate:** failed: the OSAID 1.0 verdict of LLM360/CrystalCoder needs a reviewer's judgement`);
  });

  it("refuses a framework it cannot judge, naming the ones it can", async () => {
    const other = await runStep({ model: "allenai/OLMo-7B", framework: "fsf" });
    expect(other.code).toBe(2);
    expect(other.stdout).toContain("framework takes one of mof, osaid");
  });
});
