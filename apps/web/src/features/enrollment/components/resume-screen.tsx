import { Button } from '../../../components/button';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadQrCode } from './lazy-qr-code';
import { ProblemAlert } from './problem-alert';
import { Screen } from './screen';

export interface ResumeScreenProps {
  /** `resuming` and `discarding` are busy: the enrollment is being read again, or removed. */
  step: 'resume' | 'resuming' | 'discarding';
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/** An unfinished enrollment from earlier: the same QR code again, or a clean start (the old token is removed). */
export function ResumeScreen({ step, problem, send }: ResumeScreenProps) {
  const { t } = useI18n();
  usePreloadQrCode();
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
