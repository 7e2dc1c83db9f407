import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { useSecondsLeft } from '../../../components/use-seconds-left';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';

/**
 * The service cannot be reached. When the BFF said how long to wait (Retry-After), the screen counts down and
 * tries again by itself at zero; "Try again" stays available. The alert says what is wrong once; the ticking
 * text is a `timer`, not read out every second.
 */
export function UnavailableScreen({ problem, send }: { problem: FlowProblem; send: (event: UserEvent) => void }) {
  const { t, plural } = useI18n();
  const waitSeconds = problem.retryAfterSeconds;
  const [retryAt] = useState(() => Date.now() + (waitSeconds ?? 0) * 1000);
  const secondsLeft = useSecondsLeft(retryAt);
  const counting = waitSeconds !== undefined && waitSeconds > 0;
  const retried = useRef(false);
  useEffect(() => {
    if (!counting || secondsLeft > 0 || retried.current) return;
    retried.current = true;
    send({ type: 'retryRequested' });
  }, [counting, secondsLeft, send]);
  return (
    <Screen step="unavailable" heading={t.unavailable.heading}>
      <ProblemAlert problem={problem} showWait={false} />
      {counting && secondsLeft > 0 && (
        <p role="timer" className="pie-hint">
          {plural(t.unavailableCountdown, secondsLeft)}
        </p>
      )}
      <div className="pie-actions">
        <Button variant="primary" onClick={() => send({ type: 'retryRequested' })}>
          {t.common.retry}
        </Button>
      </div>
    </Screen>
  );
}
