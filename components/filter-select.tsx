export const FILTER_LABEL = "mb-1 block text-sm font-medium";

export interface FilterSelectProps {
  /** The form's id prefix, so two forms on one page never share an id. */
  form: string;
  name: string;
  /** Grid placement, when the field is not one column wide. */
  className?: string;
  label: string;
  value: string;
  /** The option that sets no filter, when there is one. */
  any?: string;
  options: readonly { value: string; text: string }[];
}

/** One labelled drop-down of a plain GET filter form (the registry's, the index's). */
export function FilterSelect({ form, name, className = "", label, value, any, options }: FilterSelectProps) {
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={`${form}-${name}`} className={FILTER_LABEL}>
        {label}
      </label>
      <select id={`${form}-${name}`} name={name} defaultValue={value} className="field">
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
