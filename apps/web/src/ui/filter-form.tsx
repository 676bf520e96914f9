import type { ReactNode } from 'react';

export interface FilterFormProps {
  /** The search landmark's name. */
  label: string;
  applyLabel: string;
  resetLabel: string;
  /** The fields as submitted (Apply, Enter, or a select asking `form.requestSubmit()`). */
  onApply: (form: FormData) => void;
  onReset: () => void;
  children: ReactNode;
}

/**
 * A toolbar of uncontrolled filter fields applied together. Give it a `key` built from the
 * applied filters so it remounts when the URL changes (Back/Forward, reset) and shows them.
 */
export function FilterForm({ label, applyLabel, resetLabel, onApply, onReset, children }: FilterFormProps) {
  return (
    <form
      className="toolbar"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(new FormData(e.currentTarget));
      }}
    >
      {children}
      <button type="submit" className="button button--primary">
        {applyLabel}
      </button>
      <button type="button" className="button" onClick={onReset}>
        {resetLabel}
      </button>
    </form>
  );
}
