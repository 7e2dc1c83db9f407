import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CodeForm } from '../../../components/code-form';
import { ExpiryCountdown } from '../../../components/expiry-countdown';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { useSecondsLeft } from '../../../components/use-seconds-left';
import { problemOf } from '../../../lib/api-client';
import { MethodI18nProvider, useMethodI18n } from '../../../lib/i18n/method-messages';
import type { MethodStepsProps } from '../../../lib/method-ui';
import { resendCode } from '../api/resend-code';

/** The email code's one screen, with the method's strings (their own chunk). */
export function EmailSteps(props: MethodStepsProps<'email'>) {
  return (
    <MethodI18nProvider>
      <EmailCodeStep {...props} />
    </MethodI18nProvider>
  );
}

/**
 * privacyIDEA has mailed a code to the address on file (shown masked): the user types it, and may ask for a new
 * one once the cooldown the BFF names is over. The field takes the focus after a wrong code; on arrival the
 * heading does, so a screen reader starts with where the code went.
 */
function EmailCodeStep({ pending, busy, problem, api, submit, cancel, refresh, fail }: MethodStepsProps<'email'>) {
  const { t, format, plural } = useMethodI18n();
  const [resending, setResending] = useState(false);
  const [resent, setResent] = useState(false);
  // A resend refused as too soon: the server's wait wins over the view's.
  const [waitUntil, setWaitUntil] = useState<number>();
  const secondsLeft = useSecondsLeft(Math.max(Date.parse(pending.resendAvailableAt), waitUntil ?? 0));
  const [tooSoon, setTooSoon] = useState(false);
  const wrongCode = problem?.code === 'invalid_code';

  async function resend() {
    setResending(true);
    setTooSoon(false);
    try {
      const enrollment = await resendCode(api);
      setResent(true);
      setWaitUntil(undefined);
      refresh(enrollment);
    } catch (error) {
      const failure = problemOf(error);
      if (failure.code === 'resend_too_soon') {
        setTooSoon(true);
        setWaitUntil(Date.now() + (failure.retryAfterSeconds ?? 30) * 1000);
      } else {
        setResent(false);
        fail(failure);
      }
    } finally {
      setResending(false);
    }
  }

  return (
    <Screen step={busy ? 'confirming' : 'emailCode'} heading={t.email.heading}>
      <p className="pie-text">{format(t.email.intro, { address: pending.address })}</p>
      {resent && (
        <p className="pie-text" role="status">
          {format(t.email.resent, { address: pending.address })}
        </p>
      )}
      {tooSoon && <Alert>{t.email.tooSoon}</Alert>}
      {problem && !wrongCode && <ProblemAlert problem={problem} />}
      <CodeForm
        key={pending.attemptsLeft}
        label={t.email.label}
        hint={t.email.hint}
        digits={8}
        minDigits={6}
        incomplete={t.email.incomplete}
        submitLabel={t.email.submit}
        busy={busy}
        error={wrongCode ? plural(t.email.wrong, pending.attemptsLeft) : undefined}
        takesFocus={problem !== undefined}
        onSubmit={(code) => submit({ code })}
      >
        <Button busy={resending} disabled={busy || secondsLeft > 0} onClick={() => void resend()}>
          {secondsLeft > 0 ? plural(t.email.resendIn, secondsLeft) : t.email.resend}
        </Button>
      </CodeForm>
      <ExpiryCountdown expiresAt={pending.expiresAt} />
      <div className="pie-actions">
        <Button variant="quiet" disabled={busy} onClick={cancel}>
          {t.common.cancel}
        </Button>
      </div>
    </Screen>
  );
}
