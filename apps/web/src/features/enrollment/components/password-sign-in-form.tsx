import { useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { useFocusOnArrival } from '../../../components/step-heading';
import { TextField } from '../../../components/text-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';

export interface PasswordSignInFormProps {
  /** The server asked for a code from the user's existing token (step-up). */
  stepUp: boolean;
  busy: boolean;
  send: (event: UserEvent) => void;
}

/** Username and password; on step-up the same form gains a field for a code from the existing authenticator. */
export function PasswordSignInForm({ stepUp, busy, send }: PasswordSignInFormProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  return (
    <form
      className="pie-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const credentials = stepUp ? { username, password, otp: otp.replace(/\s/g, '') } : { username, password };
        send({ type: 'signInSubmitted', credentials });
      }}
    >
      <TextField
        label={t.signIn.username}
        name="username"
        autoComplete="username"
        required
        readOnly={busy}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField
        label={t.signIn.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        readOnly={busy}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {stepUp && <StepUpCodeField value={otp} busy={busy} onChange={setOtp} />}
      <div className="pie-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {t.signIn.submit}
        </Button>
      </div>
    </form>
  );
}

/** Appears when the server asks for a code from the existing token; the user continues there, so it takes the focus. */
function StepUpCodeField({ value, busy, onChange }: { value: string; busy: boolean; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  useFocusOnArrival(field);
  return (
    <TextField
      ref={field}
      label={t.signIn.otp}
      hint={t.signIn.otpHint}
      name="otp"
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      readOnly={busy}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
