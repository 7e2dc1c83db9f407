import type { EmailEnrollment, Enrollment, PasskeyEnrollment, Session } from '@pi-enroll/shared';
import { describe, expect, it } from 'vitest';
import { enrollmentReducer, initialFlowState, pendingEnrollmentOf, type FlowEvent, type FlowState } from './enrollment-flow';

const enrollment: Enrollment = {
  type: 'totp',
  status: 'pending',
  otpauthUri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: 'Example',
  accountName: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  expiresAt: '2030-01-01T12:10:00.000Z',
  attemptsLeft: 3,
};
const session: Session = { user: { username: 'alice', realm: 'employees' }, tokens: [], pending: null };
const confirmation = { status: 'enrolled', serial: 'TOTP0001', description: 'Work phone' } as const;
const offline = { code: 'network_error' } as const;
const sessionEnded = { code: 'unauthenticated' } as const;
const oldPhone = { serial: 'TOTP0000', description: 'Old phone' };

const passkey: PasskeyEnrollment = {
  type: 'passkey',
  status: 'pending',
  expiresAt: '2030-01-01T12:05:00.000Z',
  attemptsLeft: 3,
  registrationOptions: { rp: { name: 'Example' }, user: { id: 'YQ', name: 'alice', displayName: 'alice' }, challenge: 'Yw', pubKeyCredParams: [] },
};
const email: EmailEnrollment = {
  type: 'email',
  status: 'pending',
  expiresAt: '2030-01-01T12:10:00.000Z',
  attemptsLeft: 3,
  address: 'a•••@example.org',
  resendAvailableAt: '2030-01-01T12:01:00.000Z',
};
const resent: EmailEnrollment = { ...email, resendAvailableAt: '2030-01-01T12:02:00.000Z' };
const recoveryCodes = { status: 'enrolled', serial: 'PITN0001', description: 'Recovery codes' } as const;

type Transition = [name: string, from: FlowState, event: FlowEvent, to: FlowState];

const transitions: Transition[] = [
  // loading
  ['loading → signedOut when nobody is signed in', { current: 'loading' }, { type: 'loaded', session: null }, { current: 'signedOut', stepUp: false }],
  ['loading → start when signed in', { current: 'loading' }, { type: 'loaded', session }, { current: 'start' }],
  [
    'loading → resume when an enrollment is pending',
    { current: 'loading' },
    { type: 'loaded', session: { ...session, pending: enrollment } },
    { current: 'resume', enrollment },
  ],
  [
    'loading → unavailable when the load fails',
    { current: 'loading' },
    { type: 'loadFailed', problem: { code: 'upstream_unavailable', retryAfterSeconds: 10 } },
    { current: 'unavailable', problem: { code: 'upstream_unavailable', retryAfterSeconds: 10 } },
  ],
  [
    'loading → unavailable, keeping the launch token, when the load fails before the BFF took the token',
    { current: 'loading', launchToken: 'lt' },
    { type: 'loadFailed', problem: offline, keepLaunchToken: true },
    { current: 'unavailable', problem: offline, launchToken: 'lt' },
  ],
  [
    'loading → unavailable, dropping the launch token, when the load fails after the BFF took it',
    { current: 'loading', launchToken: 'lt' },
    { type: 'loadFailed', problem: offline },
    { current: 'unavailable', problem: offline },
  ],
  [
    'loading → unavailable, keeping the launch token, when signing in with it fails for a passing reason',
    { current: 'loading', launchToken: 'lt' },
    { type: 'signInFailed', problem: offline },
    { current: 'unavailable', problem: offline, launchToken: 'lt' },
  ],
  [
    'loading → signedOut when the launch token is refused',
    { current: 'loading', launchToken: 'lt' },
    { type: 'signInFailed', problem: { code: 'launch_token_invalid' } },
    { current: 'signedOut', stepUp: false, problem: { code: 'launch_token_invalid' } },
  ],
  // unavailable
  [
    'unavailable → loading (with the launch token) on retry',
    { current: 'unavailable', problem: offline, launchToken: 'lt' },
    { type: 'retryRequested' },
    { current: 'loading', launchToken: 'lt' },
  ],
  // signedOut / signingIn
  [
    'signedOut → signingIn with the submitted credentials',
    { current: 'signedOut', stepUp: true },
    { type: 'signInSubmitted', credentials: { username: 'bob', password: 'pw', otp: '123456' } },
    { current: 'signingIn', stepUp: true, credentials: { username: 'bob', password: 'pw', otp: '123456' } },
  ],
  [
    'signedOut → signingIn with a launch token from the host',
    { current: 'signedOut', stepUp: false },
    { type: 'launchTokenReceived', launchToken: 'lt' },
    { current: 'signingIn', stepUp: false, credentials: { launchToken: 'lt' } },
  ],
  [
    'signingIn → start when signed in',
    { current: 'signingIn', stepUp: false, credentials: { username: 'alice' } },
    { type: 'signedIn', session },
    { current: 'start' },
  ],
  [
    'signingIn → resume when an enrollment is pending',
    { current: 'signingIn', stepUp: false, credentials: { username: 'alice' } },
    { type: 'signedIn', session: { ...session, pending: enrollment } },
    { current: 'resume', enrollment },
  ],
  [
    'signingIn → signedOut asking for an OTP on step-up',
    { current: 'signingIn', stepUp: false, credentials: { username: 'bob', password: 'pw' } },
    { type: 'signInFailed', problem: { code: 'step_up_required' } },
    { current: 'signedOut', stepUp: true, problem: { code: 'step_up_required' } },
  ],
  [
    'signingIn → signedOut, still on step-up, after a wrong OTP',
    { current: 'signingIn', stepUp: true, credentials: { username: 'bob', password: 'pw', otp: '000000' } },
    { type: 'signInFailed', problem: { code: 'invalid_credentials' } },
    { current: 'signedOut', stepUp: true, problem: { code: 'invalid_credentials' } },
  ],
  // start / creating
  [
    'start → creating the chosen method with the device name',
    { current: 'start' },
    { type: 'startRequested', method: 'totp', description: 'Work phone' },
    { current: 'creating', method: 'totp', description: 'Work phone' },
  ],
  [
    'start → signingIn with a new launch token from the host',
    { current: 'start' },
    { type: 'launchTokenReceived', launchToken: 'lt' },
    { current: 'signingIn', stepUp: false, credentials: { launchToken: 'lt' } },
  ],
  ['creating → pending', { current: 'creating', method: 'totp' }, { type: 'enrollmentStarted', enrollment }, { current: 'pending', enrollment }],
  [
    'creating → alreadyEnrolled',
    { current: 'creating', method: 'totp' },
    { type: 'startFailed', problem: { code: 'already_enrolled' } },
    { current: 'alreadyEnrolled' },
  ],
  [
    'creating → signedOut when the session ended',
    { current: 'creating', method: 'totp' },
    { type: 'startFailed', problem: sessionEnded },
    { current: 'signedOut', stepUp: false, problem: sessionEnded },
  ],
  [
    'creating → start with the problem otherwise',
    { current: 'creating', method: 'totp' },
    { type: 'startFailed', problem: { code: 'rate_limited', retryAfterSeconds: 30 } },
    { current: 'start', problem: { code: 'rate_limited', retryAfterSeconds: 30 } },
  ],
  // resume / discarding
  ['resume → resuming', { current: 'resume', enrollment, problem: offline }, { type: 'resumeAccepted' }, { current: 'resuming', enrollment }],
  [
    'resuming → pending with the enrollment as it is now',
    { current: 'resuming', enrollment },
    { type: 'enrollmentResumed', enrollment: { ...enrollment, attemptsLeft: 2 } },
    { current: 'pending', enrollment: { ...enrollment, attemptsLeft: 2 } },
  ],
  [
    'resuming → expired when the server says so',
    { current: 'resuming', enrollment },
    { type: 'resumeFailed', problem: { code: 'enrollment_expired' } },
    { current: 'expired', method: 'totp' },
  ],
  [
    'resuming → start when the enrollment was ended elsewhere',
    { current: 'resuming', enrollment },
    { type: 'resumeFailed', problem: { code: 'no_pending_enrollment' } },
    { current: 'start', problem: { code: 'no_pending_enrollment' } },
  ],
  [
    'resuming → signedOut when the session ended',
    { current: 'resuming', enrollment },
    { type: 'resumeFailed', problem: sessionEnded },
    { current: 'signedOut', stepUp: false, problem: sessionEnded },
  ],
  [
    'resuming → resume with the problem when the read fails',
    { current: 'resuming', enrollment },
    { type: 'resumeFailed', problem: offline },
    { current: 'resume', enrollment, problem: offline },
  ],
  [
    'resume → discarding on start over',
    { current: 'resume', enrollment },
    { type: 'startOverRequested' },
    { current: 'discarding', enrollment },
  ],
  [
    'resume → signingIn with a new launch token from the host',
    { current: 'resume', enrollment },
    { type: 'launchTokenReceived', launchToken: 'lt' },
    { current: 'signingIn', stepUp: false, credentials: { launchToken: 'lt' } },
  ],
  ['resume → expired when time runs out', { current: 'resume', enrollment }, { type: 'timeRanOut' }, { current: 'expired', method: 'totp' }],
  ['discarding → start', { current: 'discarding', enrollment }, { type: 'cancelCompleted' }, { current: 'start' }],
  [
    'discarding → resume with the problem when the DELETE fails',
    { current: 'discarding', enrollment },
    { type: 'cancelFailed', problem: offline },
    { current: 'resume', enrollment, problem: offline },
  ],
  [
    'discarding → signedOut when the session ended',
    { current: 'discarding', enrollment },
    { type: 'cancelFailed', problem: sessionEnded },
    { current: 'signedOut', stepUp: false, problem: sessionEnded },
  ],
  // pending (the method's own steps are its UI's local state)
  [
    'pending → confirming with the proof',
    { current: 'pending', enrollment, problem: offline },
    { type: 'proofSubmitted', proof: { code: '123456' } },
    { current: 'confirming', enrollment, proof: { code: '123456' } },
  ],
  ['pending → confirmCancel', { current: 'pending', enrollment }, { type: 'cancelRequested' }, { current: 'confirmCancel', enrollment }],
  [
    'pending → creating with settings every app supports, after the app was found to ignore ours',
    { current: 'pending', enrollment, problem: { code: 'invalid_code', reason: 'app_ignores_settings', ignoredSettings: ['algorithm'], fallbackAvailable: true } },
    { type: 'compatibleSettingsRequested' },
    { current: 'creating', method: 'totp', settings: 'compatible' },
  ],
  ['pending → expired when time runs out', { current: 'pending', enrollment }, { type: 'timeRanOut' }, { current: 'expired', method: 'totp' }],
  // confirming
  [
    'confirming → done',
    { current: 'confirming', enrollment, proof: { code: '123456' } },
    { type: 'enrollmentConfirmed', confirmation },
    { current: 'done', method: 'totp', confirmation },
  ],
  [
    'confirming → pending with the attempts left after a wrong code',
    { current: 'confirming', enrollment, proof: { code: '000000' } },
    { type: 'confirmFailed', problem: { code: 'invalid_code', attemptsLeft: 2 } },
    { current: 'pending', enrollment: { ...enrollment, attemptsLeft: 2 }, problem: { code: 'invalid_code', attemptsLeft: 2 } },
  ],
  [
    'confirming → pending counting down itself when the server does not say how many attempts are left',
    { current: 'confirming', enrollment, proof: { code: '000000' } },
    { type: 'confirmFailed', problem: { code: 'invalid_code' } },
    { current: 'pending', enrollment: { ...enrollment, attemptsLeft: 2 }, problem: { code: 'invalid_code', attemptsLeft: 2 } },
  ],
  [
    'confirming → exhausted',
    { current: 'confirming', enrollment, proof: { code: '000000' } },
    { type: 'confirmFailed', problem: { code: 'attempts_exhausted' } },
    { current: 'exhausted', method: 'totp' },
  ],
  [
    'confirming → expired',
    { current: 'confirming', enrollment, proof: { code: '123456' } },
    { type: 'confirmFailed', problem: { code: 'enrollment_expired' } },
    { current: 'expired', method: 'totp' },
  ],
  [
    'confirming → start when the enrollment is gone (ended in another tab)',
    { current: 'confirming', enrollment, proof: { code: '123456' } },
    { type: 'confirmFailed', problem: { code: 'no_pending_enrollment' } },
    { current: 'start', problem: { code: 'no_pending_enrollment' } },
  ],
  [
    'confirming → signedOut when the session ended',
    { current: 'confirming', enrollment, proof: { code: '123456' } },
    { type: 'confirmFailed', problem: sessionEnded },
    { current: 'signedOut', stepUp: false, problem: sessionEnded },
  ],
  [
    'confirming → pending with the problem when offline',
    { current: 'confirming', enrollment, proof: { code: '123456' } },
    { type: 'confirmFailed', problem: offline },
    { current: 'pending', enrollment, problem: offline },
  ],
  // confirmCancel / cancelling
  [
    'confirmCancel → pending when the user keeps going',
    { current: 'confirmCancel', enrollment, problem: offline },
    { type: 'cancelDismissed' },
    { current: 'pending', enrollment },
  ],
  [
    'confirmCancel → cancelling',
    { current: 'confirmCancel', enrollment, problem: offline },
    { type: 'cancelConfirmed' },
    { current: 'cancelling', enrollment },
  ],
  ['confirmCancel → expired when time runs out', { current: 'confirmCancel', enrollment }, { type: 'timeRanOut' }, { current: 'expired', method: 'totp' }],
  ['cancelling → cancelled', { current: 'cancelling', enrollment }, { type: 'cancelCompleted' }, { current: 'cancelled', method: 'totp' }],
  [
    'cancelling → confirmCancel with the problem when the DELETE fails',
    { current: 'cancelling', enrollment },
    { type: 'cancelFailed', problem: offline },
    { current: 'confirmCancel', enrollment, problem: offline },
  ],
  [
    'cancelling → signedOut when the session ended',
    { current: 'cancelling', enrollment },
    { type: 'cancelFailed', problem: sessionEnded },
    { current: 'signedOut', stepUp: false, problem: sessionEnded },
  ],
  // ends
  ['cancelled → start', { current: 'cancelled', method: 'totp' }, { type: 'restartRequested' }, { current: 'start' }],
  ['exhausted → start', { current: 'exhausted', method: 'totp' }, { type: 'restartRequested' }, { current: 'start' }],
  ['expired → start', { current: 'expired', method: 'totp' }, { type: 'restartRequested' }, { current: 'start' }],
  // the user's methods
  [
    'loading → methods when the user has a token',
    { current: 'loading' },
    { type: 'loaded', session: { ...session, tokens: [{ serial: 'TOTP0001', type: 'totp', description: 'Old phone', active: true }] } },
    { current: 'methods', onArrival: true },
  ],
  ['methods → start on "Add another method"', { current: 'methods' }, { type: 'addRequested' }, { current: 'start', fromMethods: true }],
  ['start → methods on the way back, when it came from there', { current: 'start', fromMethods: true }, { type: 'methodsRequested' }, { current: 'methods' }],
  ['start ignores the way back when it did not come from the list', { current: 'start' }, { type: 'methodsRequested' }, { current: 'start' }],
  [
    'methods → creating a replacement',
    { current: 'methods' },
    { type: 'replaceRequested', method: 'totp', replaces: oldPhone },
    { current: 'creating', method: 'totp', replaces: oldPhone },
  ],
  ['methods → start once the last method is gone', { current: 'methods' }, { type: 'methodsEmptied' }, { current: 'start' }],
  [
    'creating a replacement → pending, still replacing',
    { current: 'creating', method: 'totp', replaces: oldPhone },
    { type: 'enrollmentStarted', enrollment },
    { current: 'pending', enrollment, replaces: oldPhone },
  ],
  [
    'creating a replacement → methods when the BFF refuses it',
    { current: 'creating', method: 'totp', replaces: oldPhone },
    { type: 'startFailed', problem: { code: 'step_up_required' } },
    { current: 'methods', problem: { code: 'step_up_required' } },
  ],
  [
    'pending replacement → confirming, still replacing',
    { current: 'pending', enrollment, replaces: oldPhone },
    { type: 'proofSubmitted', proof: { code: '123456' } },
    { current: 'confirming', enrollment, proof: { code: '123456' }, replaces: oldPhone },
  ],
  [
    'confirming a replacement → done, naming what was removed',
    { current: 'confirming', enrollment, proof: { code: '123456' }, replaces: oldPhone },
    { type: 'enrollmentConfirmed', confirmation },
    { current: 'done', method: 'totp', confirmation, replaced: oldPhone },
  ],
  [
    'confirming a replacement → pending after a wrong code, still replacing',
    { current: 'confirming', enrollment, proof: { code: '000000' }, replaces: oldPhone },
    { type: 'confirmFailed', problem: { code: 'invalid_code', attemptsLeft: 2 } },
    { current: 'pending', enrollment: { ...enrollment, attemptsLeft: 2 }, problem: { code: 'invalid_code', attemptsLeft: 2 }, replaces: oldPhone },
  ],
  ['alreadyEnrolled → methods', { current: 'alreadyEnrolled' }, { type: 'methodsRequested' }, { current: 'methods' }],
  // the done screen
  ['done → methods', { current: 'done', method: 'totp', confirmation }, { type: 'methodsRequested' }, { current: 'methods' }],
  [
    'done → naming with a new device name, trimmed',
    { current: 'done', method: 'totp', confirmation },
    { type: 'deviceNameSubmitted', description: '  Laptop ' },
    { current: 'naming', method: 'totp', confirmation, description: 'Laptop' },
  ],
  ['done ignores an unchanged or blank name', { current: 'done', method: 'totp', confirmation }, { type: 'deviceNameSubmitted', description: 'Work phone' }, { current: 'done', method: 'totp', confirmation }],
  [
    'naming → done with the new name',
    { current: 'naming', method: 'totp', confirmation, description: 'Laptop' },
    { type: 'deviceNamed', description: 'Laptop' },
    { current: 'done', method: 'totp', confirmation: { ...confirmation, description: 'Laptop' }, renamed: true },
  ],
  [
    'naming → done with the problem',
    { current: 'naming', method: 'totp', confirmation, description: 'Laptop' },
    { type: 'deviceNameFailed', problem: offline },
    { current: 'done', method: 'totp', confirmation, problem: offline },
  ],
  ['naming → signedOut when the session ended', { current: 'naming', method: 'totp', confirmation, description: 'Laptop' }, { type: 'deviceNameFailed', problem: sessionEnded }, { current: 'signedOut', stepUp: false, problem: sessionEnded }],
  // a method's own ceremony failed on this device (passkey: the browser's prompt dismissed)
  ['pending → abandoning: removed at once, without asking', { current: 'pending', enrollment: passkey }, { type: 'proofAbandoned', reason: 'notAllowed' }, { current: 'abandoning', enrollment: passkey, reason: 'notAllowed' }],
  [
    'pending → abandoning, keeping what it replaces',
    { current: 'pending', enrollment: passkey, replaces: oldPhone },
    { type: 'proofAbandoned', reason: 'alreadyRegistered' },
    { current: 'abandoning', enrollment: passkey, reason: 'alreadyRegistered', replaces: oldPhone },
  ],
  ['abandoning → abandoned once removed', { current: 'abandoning', enrollment: passkey, reason: 'notAllowed' }, { type: 'cancelCompleted' }, { current: 'abandoned', method: 'passkey', reason: 'notAllowed' }],
  [
    'abandoning → abandoned, saying the removal failed (the sweeper removes it)',
    { current: 'abandoning', enrollment: passkey, reason: 'notAllowed' },
    { type: 'cancelFailed', problem: offline },
    { current: 'abandoned', method: 'passkey', reason: 'notAllowed', problem: offline },
  ],
  ['abandoning → signedOut when the session ended', { current: 'abandoning', enrollment: passkey, reason: 'failed' }, { type: 'cancelFailed', problem: sessionEnded }, { current: 'signedOut', stepUp: false, problem: sessionEnded }],
  ['abandoned → creating the same method again ("Try again")', { current: 'abandoned', method: 'passkey', reason: 'notAllowed' }, { type: 'retryRequested' }, { current: 'creating', method: 'passkey' }],
  [
    'abandoned → creating again, still replacing',
    { current: 'abandoned', method: 'passkey', reason: 'notAllowed', replaces: oldPhone },
    { type: 'retryRequested' },
    { current: 'creating', method: 'passkey', replaces: oldPhone },
  ],
  ['abandoned → start ("Choose another method")', { current: 'abandoned', method: 'passkey', reason: 'notAllowed' }, { type: 'restartRequested' }, { current: 'start' }],
  ['abandoned → methods when it was a replacement', { current: 'abandoned', method: 'passkey', reason: 'notAllowed', replaces: oldPhone }, { type: 'restartRequested' }, { current: 'methods' }],
  ['abandoned → signingOut', { current: 'abandoned', method: 'passkey', reason: 'notAllowed' }, { type: 'signOutRequested' }, { current: 'signingOut' }],
  // a method's own requests (email: resend)
  ['pending → pending with the refreshed enrollment, the last problem gone', { current: 'pending', enrollment: email, problem: offline }, { type: 'enrollmentRefreshed', enrollment: resent }, { current: 'pending', enrollment: resent }],
  ['pending → pending refreshed, keeping what it replaces', { current: 'pending', enrollment: email, replaces: oldPhone }, { type: 'enrollmentRefreshed', enrollment: resent }, { current: 'pending', enrollment: resent, replaces: oldPhone }],
  ['pending → start when the mail could not be sent (the BFF removed the token)', { current: 'pending', enrollment: email }, { type: 'methodRequestFailed', problem: { code: 'email_send_failed' } }, { current: 'start', problem: { code: 'email_send_failed' } }],
  ['pending → expired when a method request finds it expired', { current: 'pending', enrollment: email }, { type: 'methodRequestFailed', problem: { code: 'enrollment_expired' } }, { current: 'expired', method: 'email' }],
  ['pending → start when a method request finds it ended elsewhere', { current: 'pending', enrollment: email }, { type: 'methodRequestFailed', problem: { code: 'no_pending_enrollment' } }, { current: 'start', problem: { code: 'no_pending_enrollment' } }],
  ['pending → signedOut when a method request finds the session ended', { current: 'pending', enrollment: email }, { type: 'methodRequestFailed', problem: sessionEnded }, { current: 'signedOut', stepUp: false, problem: sessionEnded }],
  ['pending → pending with the problem when a method request fails for a passing reason', { current: 'pending', enrollment: email, replaces: oldPhone }, { type: 'methodRequestFailed', problem: offline }, { current: 'pending', enrollment: email, problem: offline, replaces: oldPhone }],
  // done knows its method; the next one (recovery codes) starts from there
  ['confirming → done, naming the method confirmed', { current: 'confirming', enrollment: email, proof: { code: '246810' } }, { type: 'enrollmentConfirmed', confirmation }, { current: 'done', method: 'email', confirmation }],
  ['done → creating the method offered next', { current: 'done', method: 'totp', confirmation }, { type: 'startRequested', method: 'recovery' }, { current: 'creating', method: 'recovery' }],
  ['methods → creating a new set of recovery codes', { current: 'methods' }, { type: 'startRequested', method: 'recovery' }, { current: 'creating', method: 'recovery' }],
  // signing out
  ['done → signingOut', { current: 'done', method: 'totp', confirmation }, { type: 'signOutRequested' }, { current: 'signingOut' }],
  ['methods → signingOut', { current: 'methods' }, { type: 'signOutRequested' }, { current: 'signingOut' }],
  ['pending → signingOut (the enrollment stays, to be resumed)', { current: 'pending', enrollment }, { type: 'signOutRequested' }, { current: 'signingOut' }],
  ['confirming ignores a sign-out: a request is in flight', { current: 'confirming', enrollment, proof: { code: '1' } }, { type: 'signOutRequested' }, { current: 'confirming', enrollment, proof: { code: '1' } }],
  ['signedOut ignores a sign-out', { current: 'signedOut', stepUp: false }, { type: 'signOutRequested' }, { current: 'signedOut', stepUp: false }],
  ['signingOut → signedOut', { current: 'signingOut' }, { type: 'signedOutCompleted' }, { current: 'signedOut', stepUp: false }],
  ['signingOut → unavailable when it failed', { current: 'signingOut' }, { type: 'signOutFailed', problem: offline }, { current: 'unavailable', problem: offline }],
];

describe('the enrollment flow', () => {
  it.each(transitions)('%s', (_name, from, event, to) => {
    expect(enrollmentReducer(from, event)).toEqual(to);
  });

  it('starts loading, with the launch token when there is one', () => {
    expect(initialFlowState()).toEqual({ current: 'loading' });
    expect(initialFlowState('lt')).toEqual({ current: 'loading', launchToken: 'lt' });
  });

  const ignored: [name: string, state: FlowState, event: FlowEvent][] = [
    [
      'a second proof while one is checked',
      { current: 'confirming', enrollment, proof: { code: '123456' } },
      { type: 'proofSubmitted', proof: { code: '123456' } },
    ],
    ['the clock while a code is checked (the server decides)', { current: 'confirming', enrollment, proof: { code: '123456' } }, { type: 'timeRanOut' }],
    ['a second start while one is being created', { current: 'creating', method: 'totp' }, { type: 'startRequested', method: 'totp' }],
    ['the clock while the enrollment is read again (the server decides)', { current: 'resuming', enrollment }, { type: 'timeRanOut' }],
    ['a launch token in the middle of an enrollment', { current: 'pending', enrollment }, { type: 'launchTokenReceived', launchToken: 'lt' }],
    ['a late answer after cancelling', { current: 'cancelled', method: 'totp' }, { type: 'enrollmentConfirmed', confirmation }],
    ['anything once done', { current: 'done', method: 'totp', confirmation }, { type: 'restartRequested' }],
    ['a restart when already enrolled', { current: 'alreadyEnrolled' }, { type: 'restartRequested' }],
    ['the same method again from its own done screen', { current: 'done', method: 'recovery', confirmation: recoveryCodes }, { type: 'startRequested', method: 'recovery' }],
    ['the clock while an abandoned enrollment is removed', { current: 'abandoning', enrollment: passkey, reason: 'notAllowed' }, { type: 'timeRanOut' }],
    ['a refreshed view of another method (a late answer)', { current: 'pending', enrollment }, { type: 'enrollmentRefreshed', enrollment: email }],
    ['an abandon while the proof is checked', { current: 'confirming', enrollment: passkey, proof: { code: '1' } }, { type: 'proofAbandoned', reason: 'notAllowed' }],
  ];

  it.each(ignored)('ignores %s (the same state comes back)', (_name, state, event) => {
    expect(enrollmentReducer(state, event)).toBe(state);
  });

  it('names the pending enrollment only in states where the token exists', () => {
    expect(pendingEnrollmentOf({ current: 'pending', enrollment })).toBe(enrollment);
    expect(pendingEnrollmentOf({ current: 'confirmCancel', enrollment })).toBe(enrollment);
    expect(pendingEnrollmentOf({ current: 'abandoning', enrollment: passkey, reason: 'notAllowed' })).toBe(passkey);
    expect(pendingEnrollmentOf({ current: 'abandoned', method: 'passkey', reason: 'notAllowed' })).toBeNull();
    expect(pendingEnrollmentOf({ current: 'done', method: 'totp', confirmation })).toBeNull();
  });
});
