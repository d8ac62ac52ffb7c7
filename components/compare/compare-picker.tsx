"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type CompareEntry, entryText, formatCompareParam, MAX_COMPARE, parseCompareEntry } from "@/lib/report/compare-params";

export interface ComparePickerProps {
  entries: CompareEntry[];
}

/** Adds and removes models in place; the URL always holds the selection, so it can be shared or reloaded. */
export function ComparePicker({ entries }: ComparePickerProps) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function go(next: CompareEntry[]) {
    router.replace(next.length > 0 ? `/compare?m=${formatCompareParam(next)}` : "/compare", { scroll: false });
  }

  function onAdd(event: FormEvent) {
    event.preventDefault();
    const entry = parseCompareEntry(text);
    if (entry === null) {
      setProblem("Enter a model id such as allenai/OLMo-7B, mot: and a MOT record name, or r: and a snapshot id.");
      return;
    }
    if (entries.some((e) => entryText(e).toLowerCase() === entryText(entry).toLowerCase())) {
      setProblem(`${entryText(entry)} is already in the comparison.`);
      return;
    }
    setProblem(null);
    setText("");
    go([...entries, entry]);
  }

  const full = entries.length >= MAX_COMPARE;
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2" aria-label="Models in the comparison">
        {entries.map((entry) => (
          <li
            key={entryText(entry)}
            className="inline-flex items-center gap-1 rounded-full border border-zinc-300 py-0.5 pl-3 pr-1 text-sm dark:border-zinc-700"
          >
            <span className="font-mono">{entryText(entry)}</span>
            <button
              type="button"
              onClick={() => go(entries.filter((e) => e !== entry))}
              className="rounded-full px-2 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              aria-label={`Remove ${entryText(entry)}`}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={onAdd} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="compare-add" className="mb-1 block text-sm font-medium">
            Add a model {full ? `(at most ${MAX_COMPARE})` : ""}
          </label>
          <input
            id="compare-add"
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={full}
            placeholder="org/name, mot:Name or r:snapshotId"
            className="field"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={problem ? "compare-problem" : undefined}
          />
        </div>
        <button type="submit" className="btn" disabled={full}>
          Add
        </button>
      </form>
      {problem ? (
        <p id="compare-problem" role="alert" className="text-sm text-rose-800 dark:text-rose-300">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
