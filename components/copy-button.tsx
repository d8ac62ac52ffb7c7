"use client";

import { useState } from "react";

export interface CopyButtonProps {
  text: string;
  label: string;
}

/** Copies `text` to the clipboard and says so (to screen readers too). */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <button
      type="button"
      className="btn-secondary"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {label}
      <span aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {copied === true ? "Copied" : copied === false ? "Copy failed; select the text" : ""}
      </span>
    </button>
  );
}
