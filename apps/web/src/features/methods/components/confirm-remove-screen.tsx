import type { SignInMethod } from '@pi-enroll/shared';
import type { Dispatch } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import { useManagementI18n } from '../i18n/management-i18n';
import type { ManagementEvent } from '../flow/management-flow';

export interface ConfirmRemoveScreenProps {
  method: SignInMethod;
  /** The user's last manageable method: said plainly before it goes. */
  last: boolean;
  busy: boolean;
  problem?: FlowProblem;
  send: Dispatch<ManagementEvent>;
}

export function ConfirmRemoveScreen({ method, last, busy, problem, send }: ConfirmRemoveScreenProps) {
  const { t, format } = useManagementI18n();
  return (
    <Screen step={busy ? 'removing' : 'confirmRemove'} heading={format(t.removeMethod.heading, { description: method.description })}>
      <p className="pie-text">{t.removeMethod.body}</p>
      {last && (
        <p className="pie-text pie-warning" role="note">
          {t.removeMethod.lastWarning}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="pie-actions">
        <Button variant="danger" busy={busy} onClick={() => send({ type: 'removeConfirmed' })}>
          {t.removeMethod.confirm}
        </Button>
        <Button variant="quiet" disabled={busy} onClick={() => send({ type: 'dismissed' })}>
          {t.removeMethod.dismiss}
        </Button>
      </div>
    </Screen>
  );
}
