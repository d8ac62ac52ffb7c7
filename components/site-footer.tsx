/** Cites the framework and the reference tool every verdict follows. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">
        <p>
          Grades follow the{" "}
          <a className="link" href="https://arxiv.org/abs/2403.13784" rel="noopener noreferrer">
            Model Openness Framework
          </a>{" "}
          (MOF, LF AI &amp; Data) and classify records exactly as the{" "}
          <a className="link" href="https://github.com/lfai/model_openness_tool" rel="noopener noreferrer">
            Model Openness Tool
          </a>{" "}
          (MOT) does.
        </p>
        <p>mofscope gathers the evidence itself; a grade is only as good as what the release publishes. Check the linked evidence.</p>
      </div>
    </footer>
  );
}
