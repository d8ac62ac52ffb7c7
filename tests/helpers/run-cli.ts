import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UpstreamUrls } from "./app-server";

/** The `mofscope` bin as a user runs it. */
export const BIN = join(import.meta.dirname, "..", "..", "cli", "mofscope.mjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `mofscope` bin in a child process, as a user would. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI's environment: every upstream the given mock, the response cache a fresh SQLite file. */
export function cliEnv(mock: UpstreamUrls): Record<string, string> {
  return {
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
    MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-cli-")), "cli.sqlite"),
  };
}
