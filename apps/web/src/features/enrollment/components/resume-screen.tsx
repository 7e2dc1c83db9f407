import { Button } from '../../../components/button';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { usePreloadQrCode } from './lazy-qr-code';
import { ProblemAlert } from './problem-alert';
import { Screen } from './screen';

export interface ResumeScreenProps {
  busy: boolean;
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/** An unfinished enrollment from earlier: the same QR code again, or a clean start (the old token is removed). */
export function ResumeScreen({ busy, problem, send }: ResumeScreenProps) {
  const { t } = useI18n();
  usePreloadQrCode();
  return (
    <Screen step={busy ? 'discarding' : 'resume'} heading={t.resume.heading}>
      <p className="pie-text">{t.resume.intro}</p>
      {problem && <ProblemAlert problem={problem} />}
      <div className="pie-actions">
        <Button variant="primary" disabled={busy} onClick={() => send({ type: 'resumeAccepted' })}>
          {t.resume.continue}
        </Button>
        <Button disabled={busy} onClick={() => send({ type: 'startOverRequested' })}>
          {busy ? t.common.busy : t.resume.startOver}
        </Button>
      </div>
    </Screen>
  );
}
