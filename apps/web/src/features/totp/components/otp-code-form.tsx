import { CodeForm } from '../../../components/code-form';
import { useI18n } from '../../../lib/i18n/i18n-provider';

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

/** The code from the authenticator app: the shared code field with TOTP's words (digits, the app's period). */
export function OtpCodeForm({ digits, period, ...rest }: OtpCodeFormProps) {
  const { t, format } = useI18n();
  return (
    <CodeForm
      label={format(t.code.label, { digits })}
      hint={format(t.code.hint, { period })}
      digits={digits}
      incomplete={format(t.code.incomplete, { digits })}
      submitLabel={t.code.submit}
      {...rest}
    />
  );
}
