import type { ClientConfig, EmailEnrollment, PasskeyEnrollment, RecoveryEnrollment, TotpEnrollment } from '@pi-enroll/shared';
import type { FlowState } from '../../features/enrollment/flow/enrollment-flow';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const farFuture = '2999-01-01T00:00:00.000Z';

const enrollment: TotpEnrollment = {
  type: 'totp',
  status: 'pending',
  otpauthUri: `otpauth://totp/Example%20Corp:alice?secret=${secret}&issuer=Example%20Corp&algorithm=SHA1&digits=6&period=30`,
  secret,
  issuer: 'Example Corp',
  accountName: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  expiresAt: farFuture,
  attemptsLeft: 3,
};

/** An operator who changed the defaults: the manual entry then lists the parameters. */
const unusualEnrollment: TotpEnrollment = {
  ...enrollment,
  otpauthUri: enrollment.otpauthUri.replace('algorithm=SHA1&digits=6&period=30', 'algorithm=SHA256&digits=8&period=60'),
  algorithm: 'SHA256',
  digits: 8,
  period: 60,
};

const passkeyEnrollment: PasskeyEnrollment = {
  type: 'passkey',
  status: 'pending',
  expiresAt: farFuture,
  attemptsLeft: 3,
  registrationOptions: {
    rp: { id: 'example.com', name: 'Example Corp' },
    user: { id: 'YWxpY2U', name: 'alice', displayName: 'alice' },
    challenge: 'c2FtcGxlLWNoYWxsZW5nZQ',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  },
};

const emailEnrollment: EmailEnrollment = {
  type: 'email',
  status: 'pending',
  expiresAt: farFuture,
  attemptsLeft: 3,
  address: 'a•••@example.org',
  resendAvailableAt: '2000-01-01T00:00:00.000Z',
};

const recoveryEnrollment: RecoveryEnrollment = {
  type: 'recovery',
  status: 'pending',
  expiresAt: farFuture,
  attemptsLeft: 3,
  codes: ['40527316', '91846203', '27730958', '63019842', '85562107', '14098365', '70239184', '38871520', '56402791', '09315648'],
  confirmCodeNumber: 7,
};

const baseConfig: ClientConfig = {
  identityModes: ['launch-token'],
  methods: [{ type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false }],
  demoUsers: [],
  otp: { issuer: 'Example Corp', algorithm: 'SHA1', digits: 6, period: 30 },
  embedOrigins: [],
  enrollmentTtlSeconds: 600,
  maxAttempts: 3,
  embedStylesheets: [],
  returnUrl: null,
  authenticatorApps: [],
};

/** Every method offered, recovery codes required: the chooser, and the done screen's next step. */
const allMethodsConfig: ClientConfig = {
  ...baseConfig,
  methods: [
    { type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false },
    { type: 'passkey', needs: 'security_key_or_screen_lock', needsOtherMethod: false, required: false },
    { type: 'email', needs: 'email_access', needsOtherMethod: false, required: false },
    { type: 'recovery', needs: 'safe_place_for_codes', needsOtherMethod: true, required: true },
  ],
};

export interface GalleryEntry {
  title: string;
  state: FlowState;
  config?: ClientConfig;
  /** Opens "Can't scan?" so the manual entry shows. */
  openDetails?: boolean;
}

/**
 * Every state of the flow, plus the variants a state's screen has (sign-in modes, errors, non-default keys). A
 * pending TOTP enrollment opens on its scan step, or on its code step once a code failed.
 */
export function galleryEntries(now: number): GalleryEntry[] {
  const expiringSoon = { ...enrollment, expiresAt: new Date(now + 150_000).toISOString() };
  return [
    { title: 'loading', state: { current: 'loading' } },
    { title: 'unavailable — upstream down', state: { current: 'unavailable', problem: { code: 'upstream_unavailable', retryAfterSeconds: 10 } } },
    { title: 'unavailable — offline', state: { current: 'unavailable', problem: { code: 'network_error' } } },
    { title: 'signedOut — launch token (not signed in)', state: { current: 'signedOut', stepUp: false }, config: baseConfig },
    {
      title: 'signedOut — launch link expired',
      state: { current: 'signedOut', stepUp: false, problem: { code: 'launch_token_invalid' } },
      config: baseConfig,
    },
    { title: 'signedOut — password', state: { current: 'signedOut', stepUp: false }, config: { ...baseConfig, identityModes: ['password'] } },
    {
      title: 'signedOut — password, step-up',
      state: { current: 'signedOut', stepUp: true, problem: { code: 'step_up_required' } },
      config: { ...baseConfig, identityModes: ['password'] },
    },
    {
      title: 'signedOut — demo',
      state: { current: 'signedOut', stepUp: false },
      config: { ...baseConfig, identityModes: ['demo'], demoUsers: ['alice', 'bob', 'carol'] },
    },
    {
      title: 'signingIn',
      state: { current: 'signingIn', stepUp: false, credentials: { username: 'alice', password: '' } },
      config: { ...baseConfig, identityModes: ['password'] },
    },
    { title: 'start', state: { current: 'start' } },
    { title: 'start — rate limited', state: { current: 'start', problem: { code: 'rate_limited', retryAfterSeconds: 30 } } },
    { title: 'start — choose a method (passkey shown where the browser has WebAuthn)', state: { current: 'start' }, config: allMethodsConfig },
    { title: 'creating', state: { current: 'creating', method: 'totp' } },
    { title: 'resume', state: { current: 'resume', enrollment } },
    { title: 'resuming', state: { current: 'resuming', enrollment } },
    { title: 'discarding', state: { current: 'discarding', enrollment } },
    { title: 'pending — TOTP: scan', state: { current: 'pending', enrollment } },
    {
      title: 'pending — TOTP: can’t scan, non-default parameters',
      state: { current: 'pending', enrollment: unusualEnrollment },
      openDetails: true,
    },
    { title: 'pending — TOTP: scan, expiring soon', state: { current: 'pending', enrollment: expiringSoon } },
    {
      title: 'pending — TOTP: code, wrong code',
      state: {
        current: 'pending',
        enrollment: { ...expiringSoon, attemptsLeft: 2 },
        problem: { code: 'invalid_code', attemptsLeft: 2 },
      },
    },
    { title: 'pending — TOTP: code, offline', state: { current: 'pending', enrollment, problem: { code: 'network_error' } } },
    { title: 'confirming', state: { current: 'confirming', enrollment, proof: { code: '123456' } } },
    { title: 'pending — passkey: what will happen', state: { current: 'pending', enrollment: passkeyEnrollment } },
    {
      title: 'pending — passkey: rejected by the server',
      state: { current: 'pending', enrollment: { ...passkeyEnrollment, attemptsLeft: 2 }, problem: { code: 'invalid_code', attemptsLeft: 2 } },
    },
    { title: 'abandoning — passkey prompt dismissed, removing the token', state: { current: 'abandoning', enrollment: passkeyEnrollment, reason: 'notAllowed' } },
    { title: 'abandoned — passkey prompt dismissed', state: { current: 'abandoned', method: 'passkey', reason: 'notAllowed' } },
    {
      title: 'abandoned — passkey already registered, clean-up failed',
      state: { current: 'abandoned', method: 'passkey', reason: 'alreadyRegistered', problem: { code: 'network_error' } },
    },
    { title: 'pending — email code', state: { current: 'pending', enrollment: emailEnrollment } },
    {
      title: 'pending — email code: wrong code, resend waiting',
      state: {
        current: 'pending',
        enrollment: { ...emailEnrollment, attemptsLeft: 2, resendAvailableAt: new Date(now + 45_000).toISOString() },
        problem: { code: 'invalid_code', attemptsLeft: 2 },
      },
    },
    { title: 'pending — recovery codes', state: { current: 'pending', enrollment: recoveryEnrollment } },
    {
      title: 'pending — recovery codes: wrong code',
      state: {
        current: 'pending',
        enrollment: { ...recoveryEnrollment, attemptsLeft: 2 },
        problem: { code: 'invalid_code', attemptsLeft: 2 },
      },
    },
    { title: 'confirmCancel', state: { current: 'confirmCancel', enrollment } },
    { title: 'cancelling', state: { current: 'cancelling', enrollment } },
    { title: 'cancelled', state: { current: 'cancelled', method: 'totp' } },
    { title: 'exhausted', state: { current: 'exhausted', method: 'totp' } },
    { title: 'expired', state: { current: 'expired', method: 'totp' } },
    { title: 'alreadyEnrolled', state: { current: 'alreadyEnrolled' } },
    { title: 'methods — the list (see the management cards below)', state: { current: 'methods' } },
    {
      title: 'start — from the list, with install links',
      state: { current: 'start', fromMethods: true },
      config: { ...baseConfig, authenticatorApps: [{ name: 'Aegis', googlePlay: 'https://play.google.com/store/apps/details?id=com.beemdevelopment.aegis' }] },
    },
    {
      title: 'done',
      state: { current: 'done', method: 'totp', confirmation: { status: 'enrolled', serial: 'TOTP00001234', description: 'Work phone' } },
      config: { ...baseConfig, returnUrl: 'https://portal.example.com/' },
    },
    {
      title: 'done — replaced a lost phone, password mode',
      state: {
        current: 'done',
        method: 'totp',
        confirmation: { status: 'enrolled', serial: 'TOTP00001235', description: 'New phone' },
        replaced: { serial: 'TOTP00001234', description: 'Old phone' },
        renamed: true,
      },
      config: { ...baseConfig, identityModes: ['password'] },
    },
    {
      title: 'done — authenticator app, recovery codes required next',
      state: { current: 'done', method: 'totp', confirmation: { status: 'enrolled', serial: 'TOTP00001236', description: 'Work phone' } },
      config: allMethodsConfig,
    },
    {
      title: 'done — passkey, with “Try it now”',
      state: { current: 'done', method: 'passkey', confirmation: { status: 'enrolled', serial: 'PIPK00001234', description: 'YubiKey' } },
    },
    {
      title: 'done — recovery codes',
      state: { current: 'done', method: 'recovery', confirmation: { status: 'enrolled', serial: 'PITN00001234', description: 'Recovery codes' } },
      config: allMethodsConfig,
    },
    {
      title: 'naming',
      state: { current: 'naming', method: 'totp', confirmation: { status: 'enrolled', serial: 'TOTP00001234', description: 'Work phone' }, description: 'Work phone' },
    },
    { title: 'signingOut', state: { current: 'signingOut' }, config: { ...baseConfig, identityModes: ['password'] } },
  ];
}
