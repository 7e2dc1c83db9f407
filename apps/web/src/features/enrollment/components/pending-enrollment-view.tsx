import { use, useEffect, useMemo, type RefObject } from 'react';
import { MoveFocusContext } from '../../../components/step-heading';
import { Button } from '../../../components/button';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { methodUiOf, type MethodUiRegistry } from '../../../lib/method-ui';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';
import { ConfirmCancelScreen } from './confirm-cancel-screen';
import { preloadDoneScreen } from './lazy-done-screen';

type PendingState = Extract<FlowState, { current: 'pending' | 'confirming' | 'confirmCancel' | 'cancelling' }>;

export interface PendingEnrollmentViewProps {
  state: PendingState;
  methods: MethodUiRegistry;
  send: (event: UserEvent) => void;
}

const keepFocus: RefObject<boolean> = { current: false };

/**
 * A pending enrollment: the method's steps, and the question whether to cancel in their place. The steps stay
 * mounted but hidden while the question shows, so "No, continue" returns to the very step the user left (TOTP:
 * scan or code). They then take the focus again as if they had just appeared: a fresh MoveFocusContext value
 * re-runs their focus effects.
 */
export function PendingEnrollmentView({ state, methods, send }: PendingEnrollmentViewProps) {
  const { t } = useI18n();
  const Steps = methodUiOf(methods, state.enrollment.type)?.Steps;
  const asking = state.current === 'confirmCancel' || state.current === 'cancelling';
  const moveFocus = use(MoveFocusContext);
  // The done screen's chunk, while the user scans: there when the code is confirmed.
  useEffect(() => {
    void preloadDoneScreen().catch(() => undefined);
  }, []);
  const stepsFocus = useMemo<RefObject<boolean>>(
    () => (asking ? keepFocus : { get current() { return moveFocus.current; }, set current(value) { moveFocus.current = value; } }),
    [asking, moveFocus],
  );
  return (
    <>
      <div hidden={asking}>
        <MoveFocusContext value={stepsFocus}>
          {Steps ? (
            <Steps
              pending={state.enrollment}
              busy={state.current === 'confirming'}
              problem={state.current === 'pending' ? state.problem : undefined}
              submit={(proof) => send({ type: 'proofSubmitted', proof })}
              cancel={() => send({ type: 'cancelRequested' })}
              restartWithCompatibleSettings={() => send({ type: 'compatibleSettingsRequested' })}
            />
          ) : (
            // A method this widget has no screens for (started by another client): it can only be cancelled here.
            <Button onClick={() => send({ type: 'cancelRequested' })}>{t.common.cancel}</Button>
          )}
        </MoveFocusContext>
      </div>
      {asking && (
        <ConfirmCancelScreen
          busy={state.current === 'cancelling'}
          problem={state.current === 'confirmCancel' ? state.problem : undefined}
          send={send}
        />
      )}
    </>
  );
}
