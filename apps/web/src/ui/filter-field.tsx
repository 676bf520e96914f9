import { useId, type ReactNode } from 'react';

export interface FilterFieldIds {
  id: string;
  /** Point the control's aria-describedby here: the hint, when there is one. */
  describedBy: string | undefined;
}

export interface FilterFieldProps {
  label: string;
  /** Short help beside the control, e.g. what the choice applies to. */
  hint?: ReactNode;
  children: (ids: FilterFieldIds) => ReactNode;
}

/** One labelled control in a toolbar of list filters (compact, unlike a form's `FormField`). */
export function FilterField({ label, hint, children }: FilterFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: hint ? hintId : undefined })}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
