import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MethodUiRegistry } from '../../../lib/method-ui';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadMethods } from '../hooks/use-preload-methods';

export interface ResumeScreenProps {
  methods: MethodUiRegistry;
  /** `resuming` and `discarding` are busy: the enrollment is being read again, or removed. */
  step: 'resume' | 'resuming' | 'discarding';
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/** An unfinished enrollment from earlier: the same QR code again, or a clean start (the old token is removed). */
export function ResumeScreen({ methods, step, problem, send }: ResumeScreenProps) {
  const { t } = useI18n();
  usePreloadMethods(methods);
  const busy = step !== 'resume';
  return (
    <Screen step={step} heading={t.resume.heading}>
      <p className="pie-text">{t.resume.intro}</p>
      {problem && <ProblemAlert problem={problem} />}
      <div className="pie-actions">
        <Button variant="primary" busy={step === 'resuming'} disabled={busy} onClick={() => send({ type: 'resumeAccepted' })}>
          {t.resume.continue}
        </Button>
        <Button busy={step === 'discarding'} disabled={busy} onClick={() => send({ type: 'startOverRequested' })}>
          {t.resume.startOver}
        </Button>
      </div>
    </Screen>
  );
}
