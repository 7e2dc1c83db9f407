import type { ClientConfig } from '@pi-enroll/shared';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { MethodUiRegistry } from '../../../lib/method-ui';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';
import { LoadingScreen } from './loading-screen';
import { OutcomeScreen } from './outcome-screen';
import { PendingEnrollmentView } from './pending-enrollment-view';
import { ResumeScreen } from './resume-screen';
import { SignInScreen } from './sign-in-screen';
import { StartScreen } from './start-screen';
import { UnavailableScreen } from './unavailable-screen';

export interface EnrollmentViewProps {
  state: FlowState;
  config: ClientConfig | undefined;
  /** The methods' UIs (wired in `app/`): this feature knows none by name. */
  methods: MethodUiRegistry;
  send: (event: UserEvent) => void;
}

/**
 * Renders a state; holds no flow of its own. A busy state shares its screen with the state it came from (same
 * `key`), so fields keep their values and the focus stays put while a request is in flight.
 */
export function EnrollmentView({ state, config, methods, send }: EnrollmentViewProps) {
  return <div className="pie-flow">{renderState(state, config, methods, send)}</div>;
}

function renderState(state: FlowState, config: ClientConfig | undefined, methods: MethodUiRegistry, send: (event: UserEvent) => void) {
  switch (state.current) {
    case 'loading':
      return <LoadingScreen key="loading" />;
    case 'unavailable':
      return <UnavailableScreen key="unavailable" problem={state.problem} send={send} />;
    case 'signedOut':
    case 'signingIn':
      return (
        <SignInScreen
          key="sign-in"
          config={config}
          stepUp={state.stepUp}
          busy={state.current === 'signingIn'}
          problem={state.current === 'signedOut' ? state.problem : undefined}
          send={send}
        />
      );
    case 'start':
    case 'creating':
      return (
        <StartScreen
          key="start"
          methods={methods}
          busy={state.current === 'creating'}
          problem={state.current === 'start' ? state.problem : undefined}
          send={send}
        />
      );
    case 'resume':
    case 'resuming':
    case 'discarding':
      return (
        <ResumeScreen
          key="resume"
          methods={methods}
          step={state.current}
          problem={state.current === 'resume' ? state.problem : undefined}
          send={send}
        />
      );
    case 'pending':
    case 'confirming':
    case 'confirmCancel':
    case 'cancelling':
      // One key for all four: the method's steps stay mounted (and keep their own step) while the user is
      // asked whether to cancel.
      return <PendingEnrollmentView key="pending" state={state} methods={methods} send={send} />;
    case 'cancelled':
      return <Outcome key="cancelled" step="cancelled" send={send} />;
    case 'exhausted':
      return <Outcome key="exhausted" step="exhausted" send={send} />;
    case 'expired':
      return <Outcome key="expired" step="expired" send={send} />;
    case 'alreadyEnrolled':
      return <Outcome key="already-enrolled" step="alreadyEnrolled" />;
    case 'done':
      return <Done key="done" description={state.confirmation.description} clockOffsetSeconds={state.confirmation.warning?.clockOffsetSeconds} />;
  }
}

type OutcomeStep = 'cancelled' | 'exhausted' | 'expired' | 'alreadyEnrolled';

function Outcome({ step, send }: { step: OutcomeStep; send?: (event: UserEvent) => void }) {
  const { t } = useI18n();
  return <OutcomeScreen step={step} heading={t[step].heading} body={t[step].body} send={send} />;
}

function Done({ description, clockOffsetSeconds }: { description: string; clockOffsetSeconds: number | undefined }) {
  const { t, format } = useI18n();
  return (
    <OutcomeScreen step="done" heading={t.done.heading} body={t.done.body}>
      {description && <p className="pie-text pie-muted">{format(t.done.device, { description })}</p>}
      {clockOffsetSeconds !== undefined && (
        <p className="pie-text" role="note">
          {format(t.done.clockWarning, { minutes: Math.max(1, Math.round(Math.abs(clockOffsetSeconds) / 60)) })}
        </p>
      )}
    </OutcomeScreen>
  );
}
