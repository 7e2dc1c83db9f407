import { Button } from '../../../components/button';
import { Screen } from '../../../components/screen';
import { MethodI18nProvider, useMethodI18n } from '../../../lib/i18n/method-messages';
import type { MethodAbandonedProps } from '../../../lib/method-ui';

export function PasskeyAbandoned(props: MethodAbandonedProps) {
  return (
    <MethodI18nProvider>
      <PasskeyAbandonedScreen {...props} />
    </MethodI18nProvider>
  );
}

/** The browser's prompt ended without a key, and the unfinished token is gone: what happened, and the ways on. */
function PasskeyAbandonedScreen({ reason, problem, retry, restart }: MethodAbandonedProps) {
  const { t } = useMethodI18n();
  const message = reason === 'notAllowed' ? t.passkey.notAllowed : reason === 'alreadyRegistered' ? t.passkey.alreadyRegistered : t.passkey.failed;
  return (
    <Screen step="abandoned" heading={t.passkey.abandonedHeading}>
      <p className="pie-text">{message}</p>
      {problem && (
        <p className="pie-text" role="note">
          {t.passkey.cleanupFailed}
        </p>
      )}
      <div className="pie-actions">
        <Button variant="primary" onClick={retry}>
          {t.passkey.tryAgain}
        </Button>
        <Button onClick={restart}>{t.passkey.chooseAnother}</Button>
      </div>
    </Screen>
  );
}
