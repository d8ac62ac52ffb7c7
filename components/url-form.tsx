export interface UrlFormProps {
  defaultValue?: string;
}

/** The model URL box: a plain GET form, so it works before any JavaScript loads. */
export function UrlForm({ defaultValue }: UrlFormProps) {
  return (
    <form action="/go" method="get" role="search" aria-label="Audit a model" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="model-url" className="mb-1 block text-sm font-medium">
          Model URL or id
        </label>
        <input
          id="model-url"
          name="url"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={defaultValue}
          placeholder="https://huggingface.co/allenai/OLMo-7B"
          className="field"
        />
      </div>
      <button type="submit" className="btn">
        Audit
      </button>
    </form>
  );
}
