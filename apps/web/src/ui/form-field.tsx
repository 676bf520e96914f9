import { useId, type ReactNode } from 'react';
import './form-field.css';

export interface FieldIds {
  id: string;
  /** Point the control's aria-describedby here: hint and error, when present. */
  describedBy: string | undefined;
  invalid: boolean;
}

export interface FormFieldProps {
  label: string;
  /** Always-visible help under the control. */
  hint?: ReactNode;
  /** Shown in place of nothing when the value is refused; also makes the control aria-invalid. */
  error?: string | undefined;
  required?: boolean | undefined;
  children: (ids: FieldIds) => ReactNode;
}

/** A labelled control with its hint and error tied to it for assistive technology. */
export function FormField({ label, hint, error, required, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field" data-invalid={error ? true : undefined}>
      <label htmlFor={id} className="form-field__label">
        {label}
        {required && (
          <span className="form-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
