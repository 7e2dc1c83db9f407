import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ExpiryCountdown } from '../../../components/expiry-countdown';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { MethodI18nProvider, useMethodI18n } from '../../../lib/i18n/method-messages';
import type { MethodStepsProps } from '../../../lib/method-ui';
import { ceremonyFailureOf, registrationToJson, toCreationOptions } from '../api/webauthn';
import { isWebAuthnSupported } from '../api/webauthn-support';
import { rememberRegisteredCredential } from './registered-credential';

/** The passkey's one screen, with the method's strings (their own chunk). */
export function PasskeySteps(props: MethodStepsProps<'passkey'>) {
  return (
    <MethodI18nProvider>
      <PasskeyRegisterStep {...props} />
    </MethodI18nProvider>
  );
}

/**
 * What will happen, then the browser's own prompt (`navigator.credentials.create` with the BFF's options), then
 * the attestation goes to the BFF as the proof. The token waits in privacyIDEA's `clientwait` meanwhile, which
 * counts as a method: a prompt dismissed or failed abandons the enrollment at once, so it is removed without
 * asking the user anything.
 */
function PasskeyRegisterStep({ pending, busy, problem, replaces, submit, cancel, abandon }: MethodStepsProps<'passkey'>) {
  const { t } = useMethodI18n();
  const [prompting, setPrompting] = useState(false);
  const rejected = problem?.code === 'invalid_code';

  async function register() {
    setPrompting(true);
    let credential: Credential | null;
    try {
      credential = await navigator.credentials.create({ publicKey: toCreationOptions(pending.registrationOptions) });
    } catch (error) {
      setPrompting(false);
      abandon(ceremonyFailureOf(error));
      return;
    }
    setPrompting(false);
    if (!(credential instanceof PublicKeyCredential)) {
      abandon('failed');
      return;
    }
    rememberRegisteredCredential(credential.id);
    submit({ credential: registrationToJson(credential) });
  }

  // A setup started elsewhere and resumed in a browser without WebAuthn: it can only be cancelled here.
  const supported = isWebAuthnSupported();
  const working = prompting || busy || !supported;
  return (
    <Screen step={busy ? 'confirming' : prompting ? 'passkeyPrompt' : 'passkey'} heading={t.passkey.heading}>
      <p className="pie-text">{t.passkey.intro}</p>
      {replaces && (
        <p className="pie-text" role="note">
          {t.passkey.replaces}
        </p>
      )}
      {!supported && <Alert>{t.passkey.unsupported}</Alert>}
      {rejected && <Alert>{t.passkey.rejected}</Alert>}
      {problem && !rejected && <ProblemAlert problem={problem} />}
      {prompting && (
        <p className="pie-busy" role="status">
          <span className="pie-spinner" aria-hidden="true" />
          {t.passkey.waiting}
        </p>
      )}
      <div className="pie-actions">
        <Button variant="primary" busy={busy} disabled={working} onClick={() => void register()}>
          {problem ? t.passkey.tryAgain : t.passkey.start}
        </Button>
        <Button variant="quiet" disabled={prompting || busy} onClick={cancel}>
          {t.common.cancel}
        </Button>
      </div>
      <ExpiryCountdown expiresAt={pending.expiresAt} />
    </Screen>
  );
}
