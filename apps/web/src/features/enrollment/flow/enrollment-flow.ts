import type { CreateSessionRequest, Enrollment, EnrollmentConfirmed, Session } from '@pi-enroll/shared';
import { attemptsLeftAfterWrongCode } from '@pi-enroll/shared/pending-enrollment-rules';
import type { FlowProblem } from '../../../lib/api-client';
import type { MethodProof, MethodType } from '../../../lib/method-ui';

/**
 * Every state of the enrollment's lifecycle, for any method. A state holds exactly the data its screen needs;
 * the busy states (`loading`, `signingIn`, `creating`, `resuming`, `confirming`, `cancelling`, `discarding`)
 * name the one request in flight, which the hook sends once per state, so a proof can never be submitted twice.
 * While an enrollment is `pending`, the method's own steps (TOTP: scan, then the code) are its UI's business.
 * A user who has a method opens on `methods`, the list whose own screens (rename, remove, step-up) are the
 * management UI's business; it hands back here to add a method or to replace one (a lost phone).
 */
export type FlowState =
  | { current: 'loading'; launchToken?: string }
  | { current: 'unavailable'; problem: FlowProblem; launchToken?: string }
  | { current: 'signedOut'; stepUp: boolean; problem?: FlowProblem }
  | { current: 'signingIn'; stepUp: boolean; credentials: CreateSessionRequest }
  /** `fromMethods`: reached with "Add another method", so "Back to your sign-in methods" is offered. */
  | { current: 'start'; problem?: FlowProblem; fromMethods?: true }
  /** `onArrival`: the widget opened on a user who already has a method (the host hears `already-enrolled`). */
  | { current: 'methods'; problem?: FlowProblem; onArrival?: true }
  /**
   * `settings: 'compatible'`: start over with what every authenticator app supports (SHA1 / 6 / 30).
   * `replaces`: the method the new one replaces, removed by the BFF once the new one is confirmed.
   */
  | { current: 'creating'; method: MethodType; description?: string; settings?: 'compatible'; replaces?: Replacement }
  | { current: 'resume'; enrollment: Enrollment; problem?: FlowProblem }
  | { current: 'resuming'; enrollment: Enrollment }
  | { current: 'discarding'; enrollment: Enrollment }
  | { current: 'pending'; enrollment: Enrollment; problem?: FlowProblem; replaces?: Replacement }
  | { current: 'confirming'; enrollment: Enrollment; proof: MethodProof; replaces?: Replacement }
  | { current: 'confirmCancel'; enrollment: Enrollment; problem?: FlowProblem; replaces?: Replacement }
  | { current: 'cancelling'; enrollment: Enrollment; replaces?: Replacement }
  /**
   * The method's own ceremony failed on this device (`reason` is the method's, e.g. the passkey prompt closed):
   * the pending enrollment is being removed at once, without asking, so nothing is left that counts.
   */
  | { current: 'abandoning'; enrollment: Enrollment; reason: string; replaces?: Replacement }
  /** `problem`: the removal failed as well (the BFF's sweeper removes it). The method's screen says what happened. */
  | { current: 'abandoned'; method: MethodType; reason: string; problem?: FlowProblem; replaces?: Replacement }
  /** The ends of an enrollment, naming its method so the screen can say what is (not) left of it. */
  | { current: 'cancelled'; method: MethodType }
  | { current: 'exhausted'; method: MethodType }
  | { current: 'expired'; method: MethodType }
  | { current: 'alreadyEnrolled' }
  /**
   * `method`: the one just confirmed; `replaced`: the method removed with this confirmation; `renamed`: the device
   * name given here was saved.
   */
  | { current: 'done'; method: MethodType; confirmation: EnrollmentConfirmed; replaced?: Replacement; problem?: FlowProblem; renamed?: true }
  /** The device name typed on the done screen is being saved (`PATCH /methods/{serial}`). */
  | { current: 'naming'; method: MethodType; confirmation: EnrollmentConfirmed; replaced?: Replacement; description: string }
  | { current: 'signingOut' };

/** The method a new enrollment replaces (a lost phone), as the list showed it. */
export interface Replacement {
  serial: string;
  description: string;
}

export type FlowStep = FlowState['current'];

/** What the user (or the host page) can do. */
export type UserEvent =
  | { type: 'signInSubmitted'; credentials: CreateSessionRequest }
  | { type: 'launchTokenReceived'; launchToken: string }
  /**
   * From the start screen; from the done screen, the method offered next (recovery codes); from the list, a new
   * set of recovery codes.
   */
  | { type: 'startRequested'; method: MethodType; description?: string }
  | { type: 'resumeAccepted' }
  | { type: 'startOverRequested' }
  | { type: 'proofSubmitted'; proof: MethodProof }
  /** After a code showed the user's app ignores the settings: a new enrollment with settings every app supports. */
  | { type: 'compatibleSettingsRequested' }
  | { type: 'cancelRequested' }
  | { type: 'cancelDismissed' }
  | { type: 'cancelConfirmed' }
  /** The method's own ceremony failed on this device (see `abandoning`). */
  | { type: 'proofAbandoned'; reason: string }
  /** A request of the method's own answered a new view of the pending enrollment (email: a code was resent). */
  | { type: 'enrollmentRefreshed'; enrollment: Enrollment }
  /** A request of the method's own failed (email: resend). */
  | { type: 'methodRequestFailed'; problem: FlowProblem }
  | { type: 'restartRequested' }
  | { type: 'retryRequested' }
  /** From the list: "Add another method". */
  | { type: 'addRequested' }
  /** From the list, after the step-up the BFF asked for: a new method in place of this one. */
  | { type: 'replaceRequested'; method: MethodType; replaces: Replacement }
  /** Back to the list of the user's methods (from the done screen, or from "Add another method"). */
  | { type: 'methodsRequested' }
  /** The done screen: a name for the new device. */
  | { type: 'deviceNameSubmitted'; description: string }
  | { type: 'signOutRequested' }
  /** The list has no method left (the last one was removed): the start screen takes over. */
  | { type: 'methodsEmptied' };

/** What the requests and the clock report back. */
export type SystemEvent =
  | { type: 'loaded'; session: Session | null }
  /** `keepLaunchToken`: the BFF has not taken the launch token, so a retry may still sign in with it. */
  | { type: 'loadFailed'; problem: FlowProblem; keepLaunchToken?: boolean }
  | { type: 'signedIn'; session: Session }
  | { type: 'signInFailed'; problem: FlowProblem }
  | { type: 'enrollmentStarted'; enrollment: Enrollment }
  | { type: 'startFailed'; problem: FlowProblem }
  | { type: 'enrollmentResumed'; enrollment: Enrollment }
  | { type: 'resumeFailed'; problem: FlowProblem }
  | { type: 'enrollmentConfirmed'; confirmation: EnrollmentConfirmed }
  | { type: 'confirmFailed'; problem: FlowProblem }
  | { type: 'cancelCompleted' }
  | { type: 'cancelFailed'; problem: FlowProblem }
  | { type: 'timeRanOut' }
  | { type: 'deviceNamed'; description: string }
  | { type: 'deviceNameFailed'; problem: FlowProblem }
  | { type: 'signedOutCompleted' }
  | { type: 'signOutFailed'; problem: FlowProblem };

export type FlowEvent = UserEvent | SystemEvent;

export function initialFlowState(launchToken?: string): FlowState {
  return launchToken ? { current: 'loading', launchToken } : { current: 'loading' };
}

/** Failures worth a "try again": nothing is wrong with what the user did. */
function isTransient(problem: FlowProblem): boolean {
  return ['network_error', 'upstream_unavailable', 'upstream_error', 'rate_limited', 'internal_error'].includes(problem.code);
}

function afterSignIn(session: Session | null): FlowState {
  if (!session) return { current: 'signedOut', stepUp: false };
  if (session.pending) return { current: 'resume', enrollment: session.pending };
  return session.tokens.length > 0 ? { current: 'methods', onArrival: true } : { current: 'start' };
}

/** Where a signed-in user may sign out: every screen that is not waiting for a request. */
const signOutFrom: ReadonlySet<FlowStep> = new Set<FlowStep>([
  'start', 'methods', 'resume', 'pending', 'confirmCancel', 'cancelled', 'exhausted', 'expired', 'alreadyEnrolled', 'done', 'abandoned',
]);

/** The optional `replaces` of a state, carried over to the next one. */
const carry = (replaces: Replacement | undefined) => (replaces ? { replaces } : {});

const signedOutBecause = (problem: FlowProblem): FlowState => ({ current: 'signedOut', stepUp: false, problem });

/** A new identity from the host page replaces the session, but never in the middle of an enrollment. */
const signInWith = (launchToken: string): FlowState => ({
  current: 'signingIn',
  stepUp: false,
  credentials: { launchToken },
});

/**
 * The flow as a pure function: the next state for a state and an event. Events a state does not expect are
 * ignored (the same state object comes back), which is what makes double clicks and late answers harmless.
 */
export function enrollmentReducer(state: FlowState, event: FlowEvent): FlowState {
  if (event.type === 'signOutRequested') return signOutFrom.has(state.current) ? { current: 'signingOut' } : state;
  switch (state.current) {
    case 'loading':
      if (event.type === 'loaded') return afterSignIn(event.session);
      if (event.type === 'loadFailed') {
        return event.keepLaunchToken && state.launchToken
          ? { current: 'unavailable', problem: event.problem, launchToken: state.launchToken }
          : { current: 'unavailable', problem: event.problem };
      }
      if (event.type === 'signInFailed') {
        return isTransient(event.problem)
          ? { current: 'unavailable', problem: event.problem, launchToken: state.launchToken }
          : signedOutBecause(event.problem);
      }
      return state;

    case 'unavailable':
      return event.type === 'retryRequested' ? initialFlowState(state.launchToken) : state;

    case 'signedOut':
      if (event.type === 'signInSubmitted') {
        return { current: 'signingIn', stepUp: state.stepUp, credentials: event.credentials };
      }
      if (event.type === 'launchTokenReceived') return signInWith(event.launchToken);
      return state;

    case 'signingIn':
      if (event.type === 'signedIn') return afterSignIn(event.session);
      if (event.type === 'signInFailed') {
        const stepUp = state.stepUp || event.problem.code === 'step_up_required';
        return { current: 'signedOut', stepUp, problem: event.problem };
      }
      return state;

    case 'start':
      if (event.type === 'startRequested') {
        return { current: 'creating', method: event.method, description: event.description };
      }
      if (event.type === 'launchTokenReceived') return signInWith(event.launchToken);
      if (event.type === 'methodsRequested' && state.fromMethods) return { current: 'methods' };
      return state;

    case 'methods':
      if (event.type === 'addRequested') return { current: 'start', fromMethods: true };
      if (event.type === 'replaceRequested') return { current: 'creating', method: event.method, replaces: event.replaces };
      // A method that renews itself (a new set of recovery codes): the BFF replaces the old one once it is confirmed.
      if (event.type === 'startRequested') return { current: 'creating', method: event.method };
      if (event.type === 'methodsEmptied') return { current: 'start' };
      if (event.type === 'launchTokenReceived') return signInWith(event.launchToken);
      return state;

    case 'creating':
      if (event.type === 'enrollmentStarted') return { current: 'pending', enrollment: event.enrollment, ...carry(state.replaces) };
      if (event.type === 'startFailed') {
        if (event.problem.code === 'already_enrolled') return { current: 'alreadyEnrolled' };
        if (event.problem.code === 'unauthenticated') return signedOutBecause(event.problem);
        // A replacement is asked for from the list, so its refusal (no fresh step-up, the method gone) shows there.
        if (state.replaces) return { current: 'methods', problem: event.problem };
        return { current: 'start', problem: event.problem };
      }
      return state;

    case 'resume':
      if (event.type === 'resumeAccepted') return { current: 'resuming', enrollment: state.enrollment };
      if (event.type === 'startOverRequested') return { current: 'discarding', enrollment: state.enrollment };
      if (event.type === 'launchTokenReceived') return signInWith(event.launchToken);
      if (event.type === 'timeRanOut') return { current: 'expired', method: state.enrollment.type };
      return state;

    case 'resuming':
      // The enrollment as privacyIDEA has it now (attempts left), or why it cannot go on.
      if (event.type === 'enrollmentResumed') return { current: 'pending', enrollment: event.enrollment };
      if (event.type === 'resumeFailed') {
        if (event.problem.code === 'enrollment_expired') return { current: 'expired', method: state.enrollment.type };
        // Finished, cancelled or swept elsewhere since the page loaded: only a new enrollment goes on.
        if (event.problem.code === 'no_pending_enrollment') return { current: 'start', problem: event.problem };
        if (event.problem.code === 'unauthenticated') return signedOutBecause(event.problem);
        return { current: 'resume', enrollment: state.enrollment, problem: event.problem };
      }
      // As while a proof is checked: the server's answer decides, not the local clock.
      return state;

    case 'discarding':
      if (event.type === 'cancelCompleted') return { current: 'start' };
      if (event.type === 'cancelFailed') {
        if (event.problem.code === 'unauthenticated') return signedOutBecause(event.problem);
        return { current: 'resume', enrollment: state.enrollment, problem: event.problem };
      }
      return state;

    case 'pending':
      if (event.type === 'proofSubmitted') {
        return { current: 'confirming', enrollment: state.enrollment, proof: event.proof, ...carry(state.replaces) };
      }
      if (event.type === 'compatibleSettingsRequested') {
        return { current: 'creating', method: state.enrollment.type, settings: 'compatible', ...carry(state.replaces) };
      }
      if (event.type === 'cancelRequested') return { current: 'confirmCancel', enrollment: state.enrollment, ...carry(state.replaces) };
      if (event.type === 'proofAbandoned') {
        return { current: 'abandoning', enrollment: state.enrollment, reason: event.reason, ...carry(state.replaces) };
      }
      if (event.type === 'enrollmentRefreshed') {
        // Only a view of the same method's enrollment; anything else is a late answer for another one.
        return event.enrollment.type === state.enrollment.type
          ? { current: 'pending', enrollment: event.enrollment, ...carry(state.replaces) }
          : state;
      }
      if (event.type === 'methodRequestFailed') {
        const next = afterFailedRequest(state.enrollment, event.problem);
        return next.current === 'pending' ? { ...next, ...carry(state.replaces) } : next;
      }
      if (event.type === 'timeRanOut') return { current: 'expired', method: state.enrollment.type };
      return state;

    case 'confirming':
      if (event.type === 'enrollmentConfirmed') {
        const method = state.enrollment.type;
        return state.replaces
          ? { current: 'done', method, confirmation: event.confirmation, replaced: state.replaces }
          : { current: 'done', method, confirmation: event.confirmation };
      }
      if (event.type === 'confirmFailed') {
        const next = afterRejectedProof(state.enrollment, event.problem);
        return next.current === 'pending' ? { ...next, ...carry(state.replaces) } : next;
      }
      // While the proof is being checked, the server's answer decides, not the local clock.
      return state;

    case 'confirmCancel':
      if (event.type === 'cancelDismissed') return { current: 'pending', enrollment: state.enrollment, ...carry(state.replaces) };
      if (event.type === 'cancelConfirmed') return { current: 'cancelling', enrollment: state.enrollment, ...carry(state.replaces) };
      if (event.type === 'timeRanOut') return { current: 'expired', method: state.enrollment.type };
      return state;

    case 'cancelling':
      if (event.type === 'cancelCompleted') return { current: 'cancelled', method: state.enrollment.type };
      if (event.type === 'cancelFailed') {
        if (event.problem.code === 'unauthenticated') return signedOutBecause(event.problem);
        return { current: 'confirmCancel', enrollment: state.enrollment, problem: event.problem, ...carry(state.replaces) };
      }
      return state;

    case 'abandoning': {
      const abandoned = { current: 'abandoned', method: state.enrollment.type, reason: state.reason, ...carry(state.replaces) } as const;
      if (event.type === 'cancelCompleted') return abandoned;
      if (event.type === 'cancelFailed') {
        if (event.problem.code === 'unauthenticated') return signedOutBecause(event.problem);
        return { ...abandoned, problem: event.problem };
      }
      // Removing it is what matters now; the clock changes nothing.
      return state;
    }

    case 'abandoned':
      if (event.type === 'retryRequested') return { current: 'creating', method: state.method, ...carry(state.replaces) };
      if (event.type === 'restartRequested') return state.replaces ? { current: 'methods' } : { current: 'start' };
      return state;

    case 'cancelled':
    case 'exhausted':
    case 'expired':
      return event.type === 'restartRequested' ? { current: 'start' } : state;

    case 'alreadyEnrolled':
      return event.type === 'methodsRequested' ? { current: 'methods' } : state;

    case 'done':
      if (event.type === 'methodsRequested') return { current: 'methods' };
      // The next method (recovery codes, after the first method): a new enrollment, the one just made stays.
      if (event.type === 'startRequested' && event.method !== state.method) {
        return { current: 'creating', method: event.method, ...(event.description ? { description: event.description } : {}) };
      }
      if (event.type === 'deviceNameSubmitted') {
        const description = event.description.trim();
        if (!description || description === state.confirmation.description) return state;
        const replaced = state.replaced ? { replaced: state.replaced } : {};
        return { current: 'naming', method: state.method, confirmation: state.confirmation, description, ...replaced };
      }
      return state;

    case 'naming': {
      const replaced = state.replaced ? { replaced: state.replaced } : {};
      const { method } = state;
      if (event.type === 'deviceNamed') {
        return { current: 'done', method, confirmation: { ...state.confirmation, description: event.description }, renamed: true, ...replaced };
      }
      if (event.type === 'deviceNameFailed') {
        if (event.problem.code === 'unauthenticated') return signedOutBecause(event.problem);
        return { current: 'done', method, confirmation: state.confirmation, problem: event.problem, ...replaced };
      }
      return state;
    }

    case 'signingOut':
      if (event.type === 'signedOutCompleted') return { current: 'signedOut', stepUp: false };
      // The session may still be there: "Try again" reloads and shows what is true.
      if (event.type === 'signOutFailed') return { current: 'unavailable', problem: event.problem };
      return state;
  }
}

function afterRejectedProof(enrollment: Enrollment, problem: FlowProblem): FlowState {
  if (problem.code === 'invalid_code') {
    const attemptsLeft = problem.attemptsLeft ?? attemptsLeftAfterWrongCode(enrollment.attemptsLeft);
    return { current: 'pending', enrollment: { ...enrollment, attemptsLeft }, problem: { ...problem, attemptsLeft } };
  }
  if (problem.code === 'attempts_exhausted') return { current: 'exhausted', method: enrollment.type };
  if (problem.code === 'enrollment_expired') return { current: 'expired', method: enrollment.type };
  // Cancelled or finished elsewhere, e.g. in another tab: the only way on is a new enrollment.
  if (problem.code === 'no_pending_enrollment') return { current: 'start', problem };
  if (problem.code === 'unauthenticated') return signedOutBecause(problem);
  // Anything else (offline, upstream down, rate limited) leaves the proof to be sent again.
  return { current: 'pending', enrollment, problem };
}

/**
 * A method's own request failed while its enrollment is pending (email: resend). What ends an enrollment ends it
 * here too; `email_send_failed` means the BFF removed it (a mail that could not be sent leaves no token). Anything
 * else (too soon, offline) is shown and the enrollment goes on.
 */
function afterFailedRequest(enrollment: Enrollment, problem: FlowProblem): FlowState {
  if (problem.code === 'email_send_failed') return { current: 'start', problem };
  if (problem.code === 'invalid_code') return { current: 'pending', enrollment, problem };
  return afterRejectedProof(enrollment, problem);
}

/** The enrollment whose token exists on the server while the flow is in this state, if any. */
export function pendingEnrollmentOf(state: FlowState): Enrollment | null {
  return 'enrollment' in state ? state.enrollment : null;
}
