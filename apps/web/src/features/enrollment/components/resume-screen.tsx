import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MethodType, MethodUiRegistry } from '../../../lib/method-ui';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadMethods } from '../hooks/use-preload-methods';

export interface ResumeScreenProps {
  methods: MethodUiRegistry;
  /** The unfinished enrollment's method. */
  method: MethodType;
  /** `resuming` and `discarding` are busy: the enrollment is being read again, or removed. */
  step: 'resume' | 'resuming' | 'discarding';
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/**
 * An unfinished enrollment from earlier: go on with it (TOTP: the same QR code), or a clean start (the old token is
 * removed). Only the unfinished method's chunk is fetched meanwhile.
 */
export function ResumeScreen({ methods, method, step, problem, send }: ResumeScreenProps) {
  const { t, format } = useI18n();
  usePreloadMethods(methods, [method]);
  const totp = method === 'totp';
  const busy = step !== 'resume';
  return (
    <Screen step={step} heading={t.resume.heading}>
      <p className="pie-text">{totp ? t.resume.intro : format(t.resume.introOther, { method: t.methodNames[method].name })}</p>
      {problem && <ProblemAlert problem={problem} />}
      <div className="pie-actions">
        <Button variant="primary" busy={step === 'resuming'} disabled={busy} onClick={() => send({ type: 'resumeAccepted' })}>
          {totp ? t.resume.continue : t.resume.continueOther}
        </Button>
        <Button busy={step === 'discarding'} disabled={busy} onClick={() => send({ type: 'startOverRequested' })}>
          {t.resume.startOver}
        </Button>
      </div>
    </Screen>
  );
}
