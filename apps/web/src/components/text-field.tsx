import { useId, type InputHTMLAttributes, type Ref } from 'react';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  /** Shown under the field, announced, tied to it with aria-describedby; also marks the field invalid. */
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error wired up for screen readers. */
export function TextField({ label, hint, error, ref, className, ...inputProps }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="pie-field">
      <label className="pie-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="pie-hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        className={className ? `pie-input ${className}` : 'pie-input'}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...inputProps}
      />
      {error && (
        <p className="pie-field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
