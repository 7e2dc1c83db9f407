import type { ClientConfig } from '@pi-enroll/shared';
import { Suspense } from 'react';
import type { ApiClient } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { ManagementUi } from '../../../lib/management-ui';
import type { MethodType, MethodUiRegistry } from '../../../lib/method-ui';
import type { FlowState, UserEvent } from '../flow/enrollment-flow';
import { AbandonedView } from './abandoned-view';
import { LazyDoneScreen } from './lazy-done-screen';
import { LoadingScreen } from './loading-screen';
import { OutcomeScreen } from './outcome-screen';
import { PendingEnrollmentView } from './pending-enrollment-view';
import { ResumeScreen } from './resume-screen';
import { SignInScreen } from './sign-in-screen';
import { SignOutBar } from './sign-out-bar';
import { StartScreen } from './start-screen';
import { UnavailableScreen } from './unavailable-screen';

export interface EnrollmentViewProps {
  state: FlowState;
  config: ClientConfig | undefined;
  /** The methods' UIs (wired in `app/`): this feature knows none by name. */
  methods: MethodUiRegistry;
  /** The list of the user's methods and its screens (wired in `app/`, loaded lazily). */
  management: ManagementUi;
  api: ApiClient;
  /** For the methods' own requests (see `EnrollmentController.methodApi`); default: `api`. */
  methodApi?: ApiClient;
  /** The done screen's "Close" when the config names no return URL. */
  onReturn?: () => void;
  onMethodRemoved?: (detail: { serial: string }) => void;
  send: (event: UserEvent) => void;
}

/** States whose screen shows no sign-out of its own but may have the bar: a signed-in user, nothing in flight. */
const signedInSteps: ReadonlySet<string> = new Set([
  'start', 'creating', 'methods', 'resume', 'pending', 'confirmCancel', 'cancelled', 'exhausted', 'expired', 'alreadyEnrolled', 'signingOut',
  'abandoned',
]);

/**
 * Renders a state; holds no flow of its own. A busy state shares its screen with the state it came from (same
 * `key`), so fields keep their values and the focus stays put while a request is in flight.
 */
export function EnrollmentView(props: EnrollmentViewProps) {
  const { state, config, send } = props;
  const signOut = config?.identityModes.includes('password') === true && signedInSteps.has(state.current);
  return (
    <div className="pie-flow">
      {renderState(props)}
      {signOut && <SignOutBar busy={state.current === 'signingOut'} send={send} />}
    </div>
  );
}

function renderState({ state, config, methods, management: Management, api, methodApi = api, onReturn, onMethodRemoved, send }: EnrollmentViewProps) {
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
          config={config}
          fromMethods={state.current === 'start' && state.fromMethods === true}
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
          method={state.enrollment.type}
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
      return <PendingEnrollmentView key="pending" state={state} methods={methods} api={methodApi} send={send} />;
    case 'abandoning':
      return <LoadingScreen key="abandoning" step="abandoning" />;
    case 'abandoned':
      return <AbandonedView key="abandoned" state={state} methods={methods} send={send} />;
    case 'cancelled':
      return <Outcome key="cancelled" step="cancelled" method={state.method} send={send} />;
    case 'exhausted':
      return <Outcome key="exhausted" step="exhausted" method={state.method} send={send} />;
    case 'expired':
      return <Outcome key="expired" step="expired" method={state.method} send={send} />;
    case 'alreadyEnrolled':
      return <Outcome key="already-enrolled" step="alreadyEnrolled" send={send} />;
    case 'methods':
      return (
        <Suspense key="methods" fallback={<LoadingScreen />}>
          <Management
            api={api}
            problem={state.problem}
            add={() => send({ type: 'addRequested' })}
            replace={(method, replaces) => send({ type: 'replaceRequested', method, replaces })}
            renew={(method) => send({ type: 'startRequested', method })}
            emptied={() => send({ type: 'methodsEmptied' })}
            removed={(serial) => onMethodRemoved?.({ serial })}
          />
        </Suspense>
      );
    case 'done':
    case 'naming':
      return (
        <Suspense key="done" fallback={<LoadingScreen />}>
          <LazyDoneScreen state={state} config={config} methods={methods} api={methodApi} onReturn={onReturn} send={send} />
        </Suspense>
      );
    case 'signingOut':
      return <LoadingScreen key="signing-out" step="signingOut" />;
  }
}

type OutcomeStep = 'cancelled' | 'exhausted' | 'expired' | 'alreadyEnrolled';

/** An outcome; the authenticator app's words speak of the entry in the app, any other method's do not. */
function Outcome({ step, method, send }: { step: OutcomeStep; method?: MethodType; send: (event: UserEvent) => void }) {
  const { t } = useI18n();
  const messages = t[step];
  const body = method !== undefined && method !== 'totp' && 'bodyOther' in messages ? messages.bodyOther : messages.body;
  return <OutcomeScreen step={step} heading={messages.heading} body={body} send={send} />;
}
