import { Button } from '../../../components/button';
import type { FlowProblem } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MethodType } from '../../../lib/method-ui';
import type { UserEvent } from '../flow/enrollment-flow';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';

export interface ConfirmCancelScreenProps {
  /** The authenticator app's words speak of the entry in the app; any other method's do not. */
  method: MethodType;
  busy: boolean;
  problem?: FlowProblem;
  send: (event: UserEvent) => void;
}

/** Cancelling removes the token the user may already have scanned, so it is asked first. */
export function ConfirmCancelScreen({ method, busy, problem, send }: ConfirmCancelScreenProps) {
  const { t } = useI18n();
  return (
    <Screen step={busy ? 'cancelling' : 'confirmCancel'} heading={t.confirmCancel.heading}>
      <p className="pie-text">{method === 'totp' ? t.confirmCancel.intro : t.confirmCancel.introOther}</p>
      {problem && <ProblemAlert problem={problem} />}
      <div className="pie-actions">
        <Button variant="primary" disabled={busy} onClick={() => send({ type: 'cancelDismissed' })}>
          {t.confirmCancel.dismiss}
        </Button>
        <Button variant="danger" busy={busy} onClick={() => send({ type: 'cancelConfirmed' })}>
          {t.confirmCancel.confirm}
        </Button>
      </div>
    </Screen>
  );
}
