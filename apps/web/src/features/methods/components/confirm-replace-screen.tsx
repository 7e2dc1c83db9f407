import type { SignInMethod, StepUpState } from '@pi-enroll/shared';
import type { Dispatch } from 'react';
import { Button } from '../../../components/button';
import { Screen } from '../../../components/screen';
import { useManagementI18n } from '../i18n/management-i18n';
import type { ManagementEvent } from '../flow/management-flow';

export interface ConfirmReplaceScreenProps {
  method: SignInMethod;
  /** The list's step-up state: still fresh, the new setup starts at once; otherwise a code comes first. */
  stepUp: StepUpState;
  send: Dispatch<ManagementEvent>;
}

export function ConfirmReplaceScreen({ method, stepUp, send }: ConfirmReplaceScreenProps) {
  const { t, format } = useManagementI18n();
  const confirm = () => {
    const fresh = stepUp.freshUntil !== null && Date.parse(stepUp.freshUntil) > Date.now();
    send({ type: 'replaceConfirmed', fresh, stepUpMethods: stepUp.methods });
  };
  return (
    <Screen step="confirmReplace" heading={format(t.replaceMethod.heading, { description: method.description })}>
      <p className="pie-text">{format(t.replaceMethod.body, { description: method.description })}</p>
      <div className="pie-actions">
        <Button variant="primary" onClick={confirm}>
          {t.replaceMethod.confirm}
        </Button>
        <Button variant="quiet" onClick={() => send({ type: 'dismissed' })}>
          {t.common.back}
        </Button>
      </div>
    </Screen>
  );
}
