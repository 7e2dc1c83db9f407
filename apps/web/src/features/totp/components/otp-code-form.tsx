import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Button } from '../../../components/button';
import { useFocusOnArrival } from '../../../components/step-heading';
import { TextField } from '../../../components/text-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';

const noField: RefObject<null> = { current: null };

export interface OtpCodeFormProps {
  digits: number;
  period: number;
  /** A code is being checked: the field is read-only and nothing is submitted. */
  busy: boolean;
  /** Why the last code failed (wrong code), shown under the field. */
  error?: string;
  /** Whether the field takes the focus when it appears (after a wrong code: yes; on arrival the heading does). */
  takesFocus?: boolean;
  onSubmit: (code: string) => void;
}

/**
 * One field for the whole code, so pasting and the phone's one-time-code autofill work. Only digits are kept
 * (pasted "123 456" becomes "123456"); the form submits itself once the code is complete.
 */
export function OtpCodeForm({ digits, period, busy, error, takesFocus = true, onSubmit }: OtpCodeFormProps) {
  const { t, format } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  useFocusOnArrival(takesFocus ? field : noField);
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);

  function submit(candidate: string) {
    if (busy) return;
    if (candidate.length !== digits) {
      setIncomplete(true);
      return;
    }
    onSubmit(candidate);
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
    if (digitsOnly.length === digits && code.length !== digits) submit(digitsOnly);
  }

  return (
    <form className="pie-form" noValidate onSubmit={handleSubmit}>
      <TextField
        label={format(t.code.label, { digits })}
        hint={format(t.code.hint, { period })}
        error={incomplete ? format(t.code.incomplete, { digits }) : error}
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
          {t.code.submit}
        </Button>
      </div>
    </form>
  );
}
