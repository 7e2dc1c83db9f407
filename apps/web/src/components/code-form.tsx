import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button } from './button';
import { useFocusOnArrival } from './step-heading';
import { TextField } from './text-field';

const noField: RefObject<null> = { current: null };

export interface CodeFormProps {
  label: string;
  hint?: string;
  /** The code's length: exactly this, or from `minDigits` up to this. */
  digits: number;
  minDigits?: number;
  /** Shown when the user submits a code that is too short. */
  incomplete: string;
  submitLabel: string;
  /** A code is being checked: the field is read-only and nothing is submitted. */
  busy: boolean;
  /** Why the last code failed (wrong code), shown under the field. */
  error?: string;
  /** Whether the field takes the focus when it appears (after a wrong code: yes; on arrival the heading does). */
  takesFocus?: boolean;
  onSubmit: (code: string) => void;
  /** More actions next to the submit button (email: "Send a new code"). */
  children?: ReactNode;
}

/**
 * One field for the whole code, so pasting and the phone's one-time-code autofill work. Only digits are kept
 * (pasted "123 456" becomes "123456"). The form submits itself once the code is complete: when it reaches
 * `digits`, or, for a code of varying length, when a paste or autofill brings a whole code at once.
 */
export function CodeForm(props: CodeFormProps) {
  const { label, hint, digits, minDigits = digits, incomplete: incompleteMessage, submitLabel, busy, error, takesFocus = true } = props;
  const field = useRef<HTMLInputElement>(null);
  useFocusOnArrival(takesFocus ? field : noField);
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);

  function submit(candidate: string) {
    if (busy) return;
    if (candidate.length < minDigits || candidate.length > digits) {
      setIncomplete(true);
      return;
    }
    props.onSubmit(candidate);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(code);
  }

  function handleChange(value: string) {
    const digitsOnly = value.replace(/\D/g, '').slice(0, digits);
    setCode(digitsOnly);
    setIncomplete(false);
    // Only the keystroke (or paste) that completes the code submits; editing a complete code does not resubmit.
    const completed = digitsOnly.length === digits && code.length !== digits;
    const pastedWhole = digitsOnly.length - code.length > 1 && digitsOnly.length >= minDigits;
    if (completed || pastedWhole) submit(digitsOnly);
  }

  return (
    <form className="pie-form" noValidate onSubmit={handleSubmit}>
      <TextField
        label={label}
        hint={hint}
        error={incomplete ? incompleteMessage : error}
        className="pie-code-input"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        ref={field}
        readOnly={busy}
        value={code}
        onChange={(event) => handleChange(event.target.value)}
      />
      <div className="pie-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {props.children}
      </div>
    </form>
  );
}
