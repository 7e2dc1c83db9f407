import type { ClientConfig } from '@pi-enroll/shared';

/** Runtime switches of the fake BFF. A scenario is a named preset of these; tests may flip any of them. */
export interface MockSwitches {
  /** The browser starts with a valid session cookie. */
  signedIn: boolean;
  /**
   * Every user starts with an active token: starting an enrollment answers 409 `already_enrolled`, unless
   * `allowAdditionalTokens` is on (as for step-up, which needs the existing token).
   */
  hasExistingToken: boolean;
  /** The BFF's `ENROLLMENT_ALLOW_ADDITIONAL_TOKENS`: a user with a token may add another one. */
  allowAdditionalTokens: boolean;
  /** Besides the existing token, a second authenticator app ("Tablet"), never used. */
  secondToken: boolean;
  /** A WebAuthn security key pi-enroll does not manage: listed read-only. */
  readOnlyToken: boolean;
  /** Every sign-in counts as a fresh step-up for 5 minutes; off: removing or replacing asks for a code first (403). */
  stepUpFresh: boolean;
  /** Removing the last manageable method is allowed (with a warning); off: 409 `last_method`. */
  canRemoveLast: boolean;
  /** An unfinished enrollment exists when the page loads (resume). */
  pendingEnrollment: boolean;
  /** When false every code is wrong, so the attempts run out. */
  acceptCorrectCode: boolean;
  /** Confirming answers 410 `enrollment_expired` at once, whatever the clock says. */
  expireOnVerify: boolean;
  /** Password sign-in asks for an OTP from the existing token (401 `step_up_required`). */
  stepUp: boolean;
  /** privacyIDEA is unreachable: every call but `GET /config` answers 503 `upstream_unavailable`. */
  upstreamDown: boolean;
  /** Every POST and DELETE answers 429 `rate_limited`. */
  rateLimited: boolean;
  /** Every request fails at the network level, as when the device is offline. */
  offline: boolean;
  /** Delay before every answer, in milliseconds. */
  latencyMs: number;
  /** What the BFF tells of a wrong code: nothing, a phone clock 7 minutes behind, or an app that ignores settings. */
  wrongCodeReason: 'none' | 'clock_drift' | 'app_ignores_settings';
  /** privacyIDEA cannot send mail: starting or resending an email code answers 502 `email_send_failed`. */
  emailSendFails: boolean;
}

export interface MockScenario {
  description: string;
  switches?: Partial<MockSwitches>;
  config?: Partial<ClientConfig>;
}

export const defaultSwitches: MockSwitches = {
  signedIn: true,
  hasExistingToken: false,
  allowAdditionalTokens: false,
  secondToken: false,
  readOnlyToken: false,
  stepUpFresh: true,
  canRemoveLast: true,
  pendingEnrollment: false,
  acceptCorrectCode: true,
  expireOnVerify: false,
  stepUp: false,
  upstreamDown: false,
  rateLimited: false,
  offline: false,
  latencyMs: 0,
  wrongCodeReason: 'none',
  emailSendFails: false,
};

/** Every method the fake can enroll, as GET /config lists them. */
const ALL_METHODS: ClientConfig['methods'] = [
  { type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false },
  { type: 'email', needs: 'email_access', needsOtherMethod: false, required: false },
  { type: 'recovery', needs: 'safe_place_for_codes', needsOtherMethod: true, required: false },
];

export const defaultClientConfig: ClientConfig = {
  identityModes: ['launch-token'],
  methods: [{ type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false }],
  demoUsers: [],
  otp: { issuer: 'Example Corp', algorithm: 'SHA1', digits: 6, period: 30 },
  embedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'],
  enrollmentTtlSeconds: 600,
  maxAttempts: 3,
  embedStylesheets: [],
  returnUrl: null,
  authenticatorApps: [],
};

/** What QA can pick (`?scenario=` in `npm run dev:mock`, `createMockApi({ scenario })` in tests). */
export const mockScenarios = {
  happy: { description: 'Signed in; the right code is accepted.' },
  'signed-out': {
    description: 'No session and no way to sign in here (launch-token mode without a token).',
    switches: { signedIn: false },
  },
  'launch-token': {
    description: `No session yet; a valid launch token signs in.`,
    switches: { signedIn: false },
  },
  password: {
    description: 'Password sign-in (username + password).',
    switches: { signedIn: false },
    config: { identityModes: ['password'] },
  },
  'step-up': {
    description: 'Password sign-in that asks for a code from the existing token.',
    switches: { signedIn: false, stepUp: true, hasExistingToken: true, allowAdditionalTokens: true },
    config: { identityModes: ['password'] },
  },
  demo: {
    description: 'Demo mode: pick one of the demo users.',
    switches: { signedIn: false },
    config: { identityModes: ['demo'], demoUsers: ['alice', 'bob', 'carol'] },
  },
  resume: { description: 'An unfinished enrollment is waiting.', switches: { pendingEnrollment: true } },
  'wrong-code': { description: 'Every code is wrong until the attempts run out.', switches: { acceptCorrectCode: false } },
  exhausted: {
    description: 'One attempt only: the first wrong code removes the token.',
    switches: { acceptCorrectCode: false },
    config: { maxAttempts: 1 },
  },
  expiring: {
    description: 'The enrollment expires 20 s after it starts: watch the countdown run out.',
    config: { enrollmentTtlSeconds: 20 },
  },
  expired: {
    description: 'Confirming answers that the enrollment expired (the countdown shows from the start).',
    switches: { expireOnVerify: true },
    config: { enrollmentTtlSeconds: 150 },
  },
  'clock-drift': {
    description: 'A wrong code is diagnosed as a phone clock about 7 minutes behind; the right code still works.',
    switches: { wrongCodeReason: 'clock_drift' },
  },
  'app-ignores-settings': {
    description: 'SHA256 / 8 digits / 60 s; a wrong code is diagnosed as an app that ignores them, with the fallback offered.',
    switches: { wrongCodeReason: 'app_ignores_settings' },
    config: { otp: { issuer: 'Example Corp', algorithm: 'SHA256', digits: 8, period: 60 } },
  },
  'already-enrolled': {
    description: 'The user already has a token and may not add one: the list without "Add another method"; starting answers 409.',
    switches: { hasExistingToken: true },
  },
  methods: {
    description: 'Two authenticator apps and room for more; the sign-in is fresh, so removing needs no code.',
    switches: { hasExistingToken: true, secondToken: true, allowAdditionalTokens: true },
  },
  'read-only-method': {
    description: 'One authenticator app and a security key pi-enroll does not manage (listed read-only).',
    switches: { hasExistingToken: true, readOnlyToken: true },
  },
  'step-up-required': {
    description: `Two authenticator apps; removing or replacing one first asks for a code (403 step_up_required).`,
    switches: { hasExistingToken: true, secondToken: true, stepUpFresh: false },
  },
  'last-method-refused': {
    description: 'One authenticator app that may not be removed (409 last_method); "Remove" is not offered.',
    switches: { hasExistingToken: true, canRemoveLast: false },
  },
  'all-methods': {
    description: `Authenticator app, email code and recovery codes offered (the email code is ${'246810'}; recovery: the code named).`,
    config: { methods: ALL_METHODS },
  },
  'recovery-codes': {
    description: 'The user has an authenticator app; recovery codes are offered and required.',
    switches: { hasExistingToken: true },
    config: { methods: [ALL_METHODS[0]!, { ...ALL_METHODS[2]!, required: true }] },
  },
  'email-send-fails': {
    description: 'Email codes offered, but privacyIDEA cannot send mail (502 email_send_failed).',
    switches: { emailSendFails: true },
    config: { methods: ALL_METHODS },
  },
  'upstream-down': { description: 'privacyIDEA is unreachable (503).', switches: { upstreamDown: true } },
  'rate-limited': { description: 'Every POST/DELETE answers 429.', switches: { rateLimited: true } },
  offline: { description: 'Every request fails at the network level.', switches: { offline: true } },
  slow: { description: 'Every answer takes 1.5 s.', switches: { latencyMs: 1500 } },
} satisfies Record<string, MockScenario>;

export type MockScenarioName = keyof typeof mockScenarios;

export function isMockScenarioName(name: string): name is MockScenarioName {
  return Object.hasOwn(mockScenarios, name);
}
