import type { Enrollment } from '@pi-enroll/shared';
import { Suspense, use, useEffect, useMemo, type RefObject } from 'react';
import { MoveFocusContext } from '../../../components/step-heading';
import type { ApiClient } from '../../../lib/api-client';
import { methodUiOf, type MethodUiRegistry } from '../../../lib/method-ui';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';
import { ConfirmCancelScreen } from './confirm-cancel-screen';
import { LoadingScreen } from './loading-screen';
import { preloadDoneScreen } from './lazy-done-screen';

type PendingState = Extract<FlowState, { current: 'pending' | 'confirming' | 'confirmCancel' | 'cancelling' }>;

export interface PendingEnrollmentViewProps {
  state: PendingState;
  methods: MethodUiRegistry;
  api: ApiClient;
  send: (event: UserEvent) => void;
}

const keepFocus: RefObject<boolean> = { current: false };

/**
 * A pending enrollment: the method's steps, and the question whether to cancel in their place. The steps stay
 * mounted but hidden while the question shows, so "No, continue" returns to the very step the user left (TOTP:
 * scan or code). They then take the focus again as if they had just appeared: a fresh MoveFocusContext value
 * re-runs their focus effects.
 */
export function PendingEnrollmentView({ state, methods, api, send }: PendingEnrollmentViewProps) {
  const { Steps } = methodUiOf(methods, state.enrollment.type);
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
          {/* The method's steps come from its own chunk (usually preloaded by the screen before). */}
          <Suspense fallback={<LoadingScreen />}>
            <Steps
              pending={state.enrollment}
              busy={state.current === 'confirming'}
              problem={state.current === 'pending' ? state.problem : undefined}
              {...(state.replaces ? { replaces: state.replaces } : {})}
              api={api}
              submit={(proof) => send({ type: 'proofSubmitted', proof })}
              cancel={() => send({ type: 'cancelRequested' })}
              abandon={(reason) => send({ type: 'proofAbandoned', reason })}
              refresh={(enrollment: Enrollment) => send({ type: 'enrollmentRefreshed', enrollment })}
              fail={(problem) => send({ type: 'methodRequestFailed', problem })}
              restartWithCompatibleSettings={() => send({ type: 'compatibleSettingsRequested' })}
            />
          </Suspense>
        </MoveFocusContext>
      </div>
      {asking && (
        <ConfirmCancelScreen
          method={state.enrollment.type}
          busy={state.current === 'cancelling'}
          problem={state.current === 'confirmCancel' ? state.problem : undefined}
          send={send}
        />
      )}
    </>
  );
}
