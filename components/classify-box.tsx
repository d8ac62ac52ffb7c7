"use client";

import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import type { Osaid } from "@/lib/frameworks/osaid";
import type { Report } from "@/lib/report/schema";
import { ReportBody } from "./report/report-body";

interface RecordError {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; report: Report; spdxIds: string[]; osaid: Osaid }
  | { kind: "failed"; message: string; errors: RecordError[] };

// a permalink stores the classified text as a snapshot; it is made only when asked for
type Permalink = { kind: "none" } | { kind: "busy" } | { kind: "made"; id: string } | { kind: "failed"; message: string };

const UNREACHABLE = "Could not reach mofscope; check your connection and try again.";

async function classify(text: string, fileName: string | null, permalink: boolean): Promise<State> {
  const response = await fetch(`/api/v1/classify${permalink ? "?permalink=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/yaml", ...(fileName ? { "x-file-name": fileName } : {}) },
    body: text,
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null && typeof body === "object" && "record" in body && "osaid" in body) {
    // the verdict and the licence links ride along so the browser needs no licence catalogue
    const { spdxIds, osaid, ...report } = body as Report & { spdxIds?: string[]; osaid: Osaid };
    return { kind: "done", report, spdxIds: spdxIds ?? [], osaid };
  }
  const error = (body as { error?: { message?: string; details?: RecordError[] } } | null)?.error;
  return { kind: "failed", message: error?.message ?? `The server answered ${response.status}.`, errors: Array.isArray(error?.details) ? error.details : [] };
}

/** Paste or upload a MOT YAML record and see its class, rendered exactly like an audited report. */
export function ClassifyBox() {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  // the text and file name the shown result came from, which a permalink stores even if the box was edited since
  const [classified, setClassified] = useState<{ text: string; fileName: string | null } | null>(null);
  const [permalink, setPermalink] = useState<Permalink>({ kind: "none" });
  const textId = useId();
  const fileId = useId();

  async function onFile(file: File | undefined) {
    if (!file) {
      return;
    }
    setFileName(file.name);
    setText(await file.text());
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setState({ kind: "busy" });
    setPermalink({ kind: "none" });
    setClassified({ text, fileName });
    try {
      setState(await classify(text, fileName, false));
    } catch {
      setState({ kind: "failed", message: UNREACHABLE, errors: [] });
    }
  }

  async function makePermalink() {
    if (classified === null) {
      return;
    }
    setPermalink({ kind: "busy" });
    try {
      const stored = await classify(classified.text, classified.fileName, true);
      setPermalink(
        stored.kind === "done" ? { kind: "made", id: stored.report.id } : { kind: "failed", message: stored.kind === "failed" ? stored.message : UNREACHABLE },
      );
    } catch {
      setPermalink({ kind: "failed", message: UNREACHABLE });
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3">
        <div>
          <label htmlFor={textId} className="mb-1 block text-sm font-medium">
            MOF YAML record
          </label>
          <textarea
            id={textId}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
            }}
            rows={8}
            spellCheck={false}
            className="field font-mono text-sm"
            placeholder={"framework:\n  name: 'Model Openness Framework'\n  ..."}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={fileId} className="text-sm font-medium">
            or upload a .yml file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".yml,.yaml,application/yaml,text/yaml"
            onChange={(e) => void onFile(e.target.files?.[0])}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
          />
          <button type="submit" className="btn ml-auto" disabled={state.kind === "busy" || text.trim() === ""}>
            {state.kind === "busy" ? "Classifying…" : "Classify"}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.kind === "failed" ? (
          <div role="alert" className="rounded-md border-l-4 border-rose-600 bg-rose-50 p-3 text-sm text-rose-950 dark:bg-rose-950/60 dark:text-rose-100">
            <p className="font-semibold">{state.message}</p>
            {state.errors.length > 0 ? (
              <ul className="mt-1 list-disc pl-5" data-testid="yaml-errors">
                {state.errors.map((e, index) => (
                  <li key={`${e.path}-${index}`}>
                    {e.line === null ? "" : `Line ${e.line}${e.column === null ? "" : `, column ${e.column}`}: `}
                    {e.path ? <code className="font-mono">{e.path}</code> : null} {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.kind === "done" ? (
          <div className="space-y-4">
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span>
                <span className="font-semibold">{state.report.model.id}</span> classified.
              </span>
              {permalink.kind === "made" ? (
                <Link href={`/r/${permalink.id}`} className="link">
                  Permalink to this result
                </Link>
              ) : (
                <button type="button" className="btn-secondary" onClick={() => void makePermalink()} disabled={permalink.kind === "busy"}>
                  {permalink.kind === "busy" ? "Storing…" : "Make a permalink"}
                </button>
              )}
              {permalink.kind === "failed" ? (
                <span role="alert" className="text-rose-700 dark:text-rose-300">
                  {permalink.message}
                </span>
              ) : null}
            </p>
            <ReportBody report={state.report} spdxIds={state.spdxIds} osaid={state.osaid} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
