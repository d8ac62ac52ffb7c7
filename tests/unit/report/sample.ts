import { readFileSync } from "node:fs";
import { classifyYaml } from "@/lib/report/classify";
import type { Report } from "@/lib/report/schema";

/** A real report: MOT's own Amber record classified (Class I), as the YAML box would. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  const result = classifyYaml(readFileSync("tests/conformance/mot/models/Amber.yml", "utf8"), "Amber.yml", new Date("2025-01-02T03:04:05Z"));
  if (!result.ok) {
    throw new Error("Amber.yml no longer parses");
  }
  return { ...result.report, ...overrides };
}

/** The same report as if audited from the hub. */
export function auditedReport(overrides: Partial<Report> = {}): Report {
  const base = sampleReport();
  return {
    ...base,
    model: { source: "hf", id: "LLM360/Amber", revision: "main", sha: "a".repeat(40), url: "https://huggingface.co/LLM360/Amber" },
    ...overrides,
  };
}
