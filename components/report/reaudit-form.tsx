export interface ReauditFormProps {
  action: string;
  label?: string;
}

/** A POST button that audits the model again, skipping every cache (rate-limited per client). */
export function ReauditForm({ action, label = "Re-audit now" }: ReauditFormProps) {
  return (
    <form action={action} method="post" className="inline">
      <button type="submit" className="btn-secondary">
        <span aria-hidden="true">↻</span> {label}
      </button>
    </form>
  );
}
