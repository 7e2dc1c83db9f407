import { Button } from '../../../components/button';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';

/** "Sign out", under every screen of a signed-in user in password mode (the user signed in here, so may leave). */
export function SignOutBar({ busy, send }: { busy: boolean; send: (event: UserEvent) => void }) {
  const { t } = useI18n();
  return (
    <div className="pie-sign-out">
      <Button variant="quiet" busy={busy} onClick={() => send({ type: 'signOutRequested' })}>
        {t.common.signOut}
      </Button>
    </div>
  );
}
