import { Suspense } from 'react';
import { methodUiOf, type MethodUiRegistry } from '../../../lib/method-ui';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';
import { LoadingScreen } from './loading-screen';
import { OutcomeScreen } from './outcome-screen';
import { useI18n } from '../../../lib/i18n/i18n-provider';

export interface AbandonedViewProps {
  state: Extract<FlowState, { current: 'abandoned' }>;
  methods: MethodUiRegistry;
  send: (event: UserEvent) => void;
}

/**
 * After a method's ceremony failed on this device and its enrollment was removed: the method's own screen says
 * what happened (it knows what its reason means) and offers to try again.
 */
export function AbandonedView({ state, methods, send }: AbandonedViewProps) {
  const { t } = useI18n();
  const { Abandoned } = methodUiOf(methods, state.method);
  // A method that abandons brings its screen; without one, the plain "cancelled" outcome.
  if (!Abandoned) return <OutcomeScreen step="abandoned" heading={t.cancelled.heading} body={t.cancelled.body} send={send} />;
  return (
    <Suspense fallback={<LoadingScreen step="abandoned" />}>
      <Abandoned
        reason={state.reason}
        {...(state.problem ? { problem: state.problem } : {})}
        retry={() => send({ type: 'retryRequested' })}
        restart={() => send({ type: 'restartRequested' })}
      />
    </Suspense>
  );
}
