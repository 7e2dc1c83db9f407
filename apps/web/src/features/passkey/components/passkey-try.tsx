import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Subheading } from '../../../components/step-heading';
import { problemOf, type FlowProblem } from '../../../lib/api-client';
import { MethodI18nProvider, useMethodI18n } from '../../../lib/i18n/method-messages';
import type { MethodAfterConfirmProps } from '../../../lib/method-ui';
import { finishPasskeyTry, startPasskeyTry } from '../api/try-passkey';
import { assertionToJson, ceremonyFailureOf, toRequestOptions } from '../api/webauthn';
import { registeredCredential } from './registered-credential';

export function PasskeyTry(props: MethodAfterConfirmProps) {
  return (
    <MethodI18nProvider>
      <PasskeyTrySection {...props} />
    </MethodI18nProvider>
  );
}

type TryStatus =
  | { current: 'idle' }
  | { current: 'trying' }
  | { current: 'ok' }
  | { current: 'failed'; message: 'otherKey' | 'failed' | 'cancelled' }
  | { current: 'error'; problem: FlowProblem };

/**
 * "Try it now": one sign-in with the new key through privacyIDEA (the BFF's try route: a challenge, then the
 * browser's assertion), so the user sees that it works before relying on it. Nothing in the flow depends on it.
 */
function PasskeyTrySection({ serial, api }: MethodAfterConfirmProps) {
  const { t } = useMethodI18n();
  const [status, setStatus] = useState<TryStatus>({ current: 'idle' });

  async function tryIt() {
    setStatus({ current: 'trying' });
    let challenge;
    try {
      challenge = await startPasskeyTry(api, serial, registeredCredential());
    } catch (error) {
      setStatus({ current: 'error', problem: problemOf(error) });
      return;
    }
    let assertion: Credential | null;
    try {
      assertion = await navigator.credentials.get({ publicKey: toRequestOptions(challenge.options) });
    } catch (error) {
      setStatus({ current: 'failed', message: ceremonyFailureOf(error) === 'notAllowed' ? 'cancelled' : 'failed' });
      return;
    }
    if (!(assertion instanceof PublicKeyCredential)) {
      setStatus({ current: 'failed', message: 'failed' });
      return;
    }
    try {
      const result = await finishPasskeyTry(api, serial, challenge.transactionId, assertionToJson(assertion));
      setStatus(
        result.result === 'ok' ? { current: 'ok' } : { current: 'failed', message: result.reason === 'other_key' ? 'otherKey' : 'failed' },
      );
    } catch (error) {
      setStatus({ current: 'error', problem: problemOf(error) });
    }
  }

  const messages = { otherKey: t.passkey.tryOtherKey, failed: t.passkey.tryFailed, cancelled: t.passkey.tryCancelled };
  return (
    <section className="pie-try" aria-labelledby="pie-try-heading">
      <Subheading id="pie-try-heading" className="pie-subheading">
        {t.passkey.tryHeading}
      </Subheading>
      <p className="pie-text">{t.passkey.tryIntro}</p>
      {status.current === 'trying' && (
        <p className="pie-busy" role="status">
          <span className="pie-spinner" aria-hidden="true" />
          {t.passkey.trying}
        </p>
      )}
      {status.current === 'ok' && (
        <p className="pie-text pie-success" role="status">
          {t.passkey.tryOk}
        </p>
      )}
      {status.current === 'failed' && <Alert>{messages[status.message]}</Alert>}
      {status.current === 'error' && <ProblemAlert problem={status.problem} />}
      {status.current !== 'ok' && (
        <div className="pie-actions">
          <Button busy={status.current === 'trying'} onClick={() => void tryIt()}>
            {status.current === 'idle' || status.current === 'trying' ? t.passkey.tryStart : t.passkey.tryAgain}
          </Button>
        </div>
      )}
    </section>
  );
}
