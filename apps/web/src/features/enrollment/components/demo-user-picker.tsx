import { Button } from '../../../components/button';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';

export interface DemoUserPickerProps {
  users: readonly string[];
  busy: boolean;
  send: (event: UserEvent) => void;
}

/** Demo mode only (the embedded simulator): one button per demo user, no password. */
export function DemoUserPicker({ users, busy, send }: DemoUserPickerProps) {
  const { t } = useI18n();
  return (
    <div className="pie-demo" role="group" aria-label={t.signIn.demoHeading}>
      <p className="pie-text">
        <strong>{t.signIn.demoHeading}</strong> {t.signIn.demoIntro}
      </p>
      <div className="pie-actions">
        {users.map((username) => (
          <Button
            key={username}
            disabled={busy}
            onClick={() => send({ type: 'signInSubmitted', credentials: { username } })}
          >
            {username}
          </Button>
        ))}
      </div>
    </div>
  );
}
