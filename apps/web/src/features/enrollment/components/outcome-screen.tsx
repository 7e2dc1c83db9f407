import type { ReactNode } from 'react';
import { Button } from '../../../components/button';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { UserEvent } from '../flow/enrollment-flow';
import { Screen } from '../../../components/screen';

export interface OutcomeScreenProps {
  step: string;
  heading: string;
  body: string;
  /** Offers "Start again" (after a cancel, too many wrong codes or an expiry), or the list (already enrolled). */
  send?: (event: UserEvent) => void;
  children?: ReactNode;
}

/** Where a flow ends: what happened, what it means for the user, and the way on if there is one. */
export function OutcomeScreen({ step, heading, body, send, children }: OutcomeScreenProps) {
  const { t } = useI18n();
  return (
    <Screen step={step} heading={heading}>
      <p className="pie-text">{body}</p>
      {children}
      {send && (
        <div className="pie-actions">
          {step === 'alreadyEnrolled' ? (
            <Button variant="primary" onClick={() => send({ type: 'methodsRequested' })}>
              {t.done.showMethods}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => send({ type: 'restartRequested' })}>
              {t.common.startAgain}
            </Button>
          )}
        </div>
      )}
    </Screen>
  );
}
