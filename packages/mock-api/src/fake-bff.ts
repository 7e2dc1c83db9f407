import type {
  ClientConfig,
  CreateSessionRequest,
  Enrollment,
  EnrollmentConfirmed,
  MethodType,
  TotpEnrollment,
  RenameMethodRequest,
  Session,
  SignInMethod,
  SignInMethodList,
  StartEnrollmentRequest,
  StepUpRequest,
  StepUpState,
  TokenSummary,
  User,
  VerifyEnrollmentRequest,
} from '@pi-enroll/shared';
import { defaultOtpParameters, isWellFormedOtpCode, normalizeOtpCode } from '@pi-enroll/shared/otp-code';
import { totpEnrollmentView } from '@pi-enroll/shared/totp-enrollment-view';
import { maskEmailAddress } from '@pi-enroll/shared/email-address-mask';
import {
  attemptsLeftAfterWrongCode,
  defaultEnrollmentDescription,
  hasExpired,
} from '@pi-enroll/shared/pending-enrollment-rules';
import type { ProblemCode } from '@pi-enroll/shared/problem-codes';
import { encodeBase32 } from './base32.js';
import type { ProblemExtras } from './problem-response.js';
import type { MockSwitches } from './scenarios.js';
import { isCurrentTotp } from './totp.js';

/**
 * The code the fake always accepts as right (unless `acceptCorrectCode` is off) for 6-digit tokens, besides the
 * real TOTP of the secret; `mockCorrectCode(digits)` gives it for 7 and 8 digits.
 */
export const MOCK_CORRECT_CODE = '123456';
/** The only launch token the fake accepts. */
export const MOCK_LAUNCH_TOKEN = 'mock-launch-token';
/** The password of every user in password mode. */
export const MOCK_PASSWORD = 'correct horse battery staple';
/** The user signed in by the launch token, and the default session. */
export const MOCK_USER: User = { username: 'alice', realm: 'employees' };

/** How long a step-up (or, with `stepUpFresh`, a sign-in) lets the user remove or replace a method. */
export const MOCK_STEP_UP_SECONDS = 300;

/** The code the fake "mails" for an email enrollment (and accepts, unless `acceptCorrectCode` is off). */
export const MOCK_EMAIL_CODE = '246810';
/** How long after a mail the fake lets the user ask for another (the BFF's EMAIL_RESEND_COOLDOWN_SECONDS default). */
export const MOCK_RESEND_COOLDOWN_SECONDS = 60;

export function mockCorrectCode(digits: number): string {
  return '1234567890'.slice(0, digits);
}

/** A refusal the BFF would answer as a problem document. */
export class FakeProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extras: ProblemExtras = {},
  ) {
    super(code);
  }
}

interface PendingEnrollment {
  enrollment: Enrollment;
  description: string;
  /** The serial removed once this one is confirmed (a lost phone replaced). */
  replaces?: string;
}

/** A token as privacyIDEA holds it, with the facts the methods list shows. */
interface FakeToken extends TokenSummary {
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** What privacyIDEA holds for one user: their tokens and at most one unconfirmed one. */
interface Account {
  tokens: FakeToken[];
  pending: PendingEnrollment | null;
}

/** The token types pi-enroll manages, by the method that makes them; any other is listed read-only. */
const methodOfTokenType: Readonly<Record<string, MethodType>> = { totp: 'totp', email: 'email', tan: 'recovery' };
const managedTypes: ReadonlySet<string> = new Set(Object.keys(methodOfTokenType));
const tokenTypeOfMethod: Readonly<Record<MethodType, string>> = { totp: 'totp', email: 'email', recovery: 'tan', passkey: 'passkey' };
/** The token types whose code a step-up accepts. */
const codeTypes: ReadonlySet<string> = new Set(['totp', 'hotp']);

/**
 * The BFF's behaviour, in memory: one browser (one session at a time) in front of a privacyIDEA with any number
 * of users. It decides like the real BFF (idempotent start, one pending enrollment per user, attempts counted
 * down, token removed when they run out or the enrollment expires, `already_enrolled` once the user has a token)
 * so the widget can be driven through every path without a server. Bodies arrive already checked against the
 * contract's schemas (see `handlers.ts`); what is left here are the rules a schema cannot say.
 */
export class FakeBff {
  private user: User | null;
  private readonly accounts = new Map<string, Account>();
  private serialCounter = 0;
  /** Until when (ms) the session may remove or replace a method without a new step-up. */
  private freshUntil: number | null = null;

  constructor(
    readonly config: ClientConfig,
    readonly switches: MockSwitches,
    private readonly now: () => number,
  ) {
    this.user = switches.signedIn ? MOCK_USER : null;
    if (this.user) this.signedInNow();
    if (switches.pendingEnrollment && this.user) {
      this.accountOf(this.user).pending = this.newEnrollment(this.user, defaultEnrollmentDescription(now()));
    }
  }

  /** The signed-in user's unfinished authenticator-app enrollment, if any. */
  get pendingEnrollment(): TotpEnrollment | null {
    const pending = this.pendingOfAnyMethod;
    return pending?.type === 'totp' ? pending : null;
  }

  /** The signed-in user's unfinished enrollment of any method. */
  get pendingOfAnyMethod(): Enrollment | null {
    return this.user ? (this.accountOf(this.user).pending?.enrollment ?? null) : null;
  }

  get signedInUser(): User | null {
    return this.user;
  }

  /** The signed-in user's tokens. */
  get tokenList(): readonly TokenSummary[] {
    return this.user ? this.accountOf(this.user).tokens.map(summaryOf) : [];
  }

  createSession(body: CreateSessionRequest): void {
    const modes = this.config.identityModes;
    if ('launchToken' in body) {
      if (!modes.includes('launch-token')) throw new FakeProblem('invalid_request');
      if (body.launchToken !== MOCK_LAUNCH_TOKEN) throw new FakeProblem('launch_token_invalid');
      this.user = MOCK_USER;
      this.signedInNow();
      return;
    }
    if ('password' in body) {
      if (!modes.includes('password')) throw new FakeProblem('invalid_request');
      if (body.password !== MOCK_PASSWORD) throw new FakeProblem('invalid_credentials');
      if (this.switches.stepUp) {
        if (body.otp === undefined) throw new FakeProblem('step_up_required');
        if (normalizeOtpCode(body.otp) !== mockCorrectCode(this.config.otp.digits)) {
          throw new FakeProblem('invalid_credentials');
        }
      }
      this.user = { username: body.username, realm: MOCK_USER.realm };
      this.signedInNow(body.otp !== undefined);
      return;
    }
    if (!modes.includes('demo') || !this.config.demoUsers.includes(body.username)) {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/username', message: 'not a demo user' }] });
    }
    this.user = { username: body.username, realm: 'demo' };
    this.signedInNow();
  }

  deleteSession(): void {
    this.user = null;
    this.freshUntil = null;
  }

  /** `GET /session`; `null` (204) when nobody is signed in, as the BFF answers a request without a session. */
  getSession(): Session | null {
    const user = this.user;
    if (!user) return null;
    const account = this.liveAccount(user);
    return { user, tokens: account.tokens.map(summaryOf), pending: account.pending?.enrollment ?? null };
  }

  /** `GET /methods`: every token of the user, read-only ones included, and what the user may do with them. */
  listMethods(): SignInMethodList {
    const account = this.liveAccount(this.requireUser());
    return {
      methods: account.tokens.map(methodOf),
      canAdd: !account.tokens.some((token) => token.active) || this.switches.allowAdditionalTokens,
      canRemoveLast: this.switches.canRemoveLast,
      stepUp: this.stepUpState(account),
    };
  }

  /** `PATCH /methods/{serial}`: a new description for one of the user's manageable methods. */
  renameMethod(serial: string, body: RenameMethodRequest): SignInMethod {
    const token = this.manageableToken(this.accountOf(this.requireUser()), serial);
    const description = body.description.trim();
    if (!description) throw new FakeProblem('invalid_request', { errors: [{ field: '/description', message: 'must not be blank' }] });
    token.description = description;
    return methodOf(token);
  }

  /**
   * `DELETE /methods/{serial}`: 404 for a serial that is not one of the user's manageable methods, 409
   * `last_method` for the last one when that is not allowed, 403 `step_up_required` without a fresh step-up.
   */
  removeMethod(serial: string): void {
    const account = this.accountOf(this.requireUser());
    const token = this.manageableToken(account, serial);
    const manageable = account.tokens.filter((candidate) => managedTypes.has(candidate.type));
    if (manageable.length === 1 && !this.switches.canRemoveLast) throw new FakeProblem('last_method');
    this.requireFreshStepUp(account);
    account.tokens = account.tokens.filter((candidate) => candidate !== token);
  }

  /** `POST /session/step-up`: a code from one of the user's code tokens makes removals possible for a while. */
  stepUp(body: StepUpRequest): StepUpState {
    const account = this.accountOf(this.requireUser());
    if (this.stepUpSerials(account).length === 0 || normalizeOtpCode(body.code) !== mockCorrectCode(this.config.otp.digits)) {
      throw new FakeProblem('invalid_credentials');
    }
    this.freshUntil = this.now() + MOCK_STEP_UP_SECONDS * 1000;
    return this.stepUpState(account);
  }

  /** 201 with a new enrollment, or 200 with the one already pending (double clicks, two tabs). */
  startEnrollment(body: StartEnrollmentRequest): { created: boolean; enrollment: Enrollment } {
    const user = this.requireUser();
    const offered = this.config.methods;
    const type = body.type ?? offered.find((method) => !method.needsOtherMethod)?.type ?? 'totp';
    // Only what the config offers, as the BFF with ENROLL_METHODS.
    if (!offered.some((method) => method.type === type) || type === 'passkey') {
      throw new FakeProblem('method_not_offered', { errors: [{ field: 'type', message: 'not offered here' }] });
    }
    const account = this.liveAccount(user);
    // Starting over with settings every app supports ends the enrollment pending, as the BFF does.
    const compatible = body.settings === 'compatible';
    const sameType = body.type === undefined || account.pending?.enrollment.type === type;
    if (account.pending && sameType && !compatible && body.replaces === undefined) return { created: false, enrollment: account.pending.enrollment };
    const replaces = body.replaces ?? (compatible ? account.pending?.replaces : undefined);
    if (type === 'recovery') {
      // Recovery codes back up another method: a user needs one first, and may then add them whatever the limit.
      if (replaces !== undefined) throw new FakeProblem('invalid_request', { errors: [{ field: 'replaces', message: 'recovery codes replace no method' }] });
      if (!account.tokens.some((token) => token.active && token.type !== 'tan')) throw new FakeProblem('other_method_required');
    } else if (replaces !== undefined) {
      // Replacing a method (a lost phone) is allowed without a second token, but only right after a step-up.
      this.manageableToken(account, replaces);
      this.requireFreshStepUp(account);
    } else if (account.tokens.some((token) => token.active && token.type !== 'tan') && !this.switches.allowAdditionalTokens) {
      throw new FakeProblem('already_enrolled');
    }
    // A new start ends the enrollment pending (the BFF removes its token).
    account.pending = null;
    if (type === 'email' && this.switches.emailSendFails) throw new FakeProblem('email_send_failed');
    // The BFF trims the name and names the device itself when nothing is left.
    const description = body.description?.trim() || defaultEnrollmentDescription(this.now());
    account.pending =
      type === 'totp'
        ? this.newEnrollment(user, description, compatible ? { ...defaultOtpParameters } : this.config.otp)
        : type === 'email'
          ? this.newEmailEnrollment(user, description)
          : this.newRecoveryEnrollment(description);
    if (replaces !== undefined) account.pending.replaces = replaces;
    return { created: true, enrollment: account.pending.enrollment };
  }

  getEnrollment(): Enrollment {
    const account = this.accountOf(this.requireUser());
    const pending = account.pending;
    if (!pending) throw new FakeProblem('no_pending_enrollment');
    if (hasExpired(pending.enrollment.expiresAt, this.now())) {
      account.pending = null;
      throw new FakeProblem('enrollment_expired');
    }
    return pending.enrollment;
  }

  async verifyEnrollment(body: VerifyEnrollmentRequest): Promise<EnrollmentConfirmed> {
    const account = this.accountOf(this.requireUser());
    const pending = account.pending;
    const recovery = pending?.enrollment.type === 'recovery';
    const code = recovery ? (body.code ?? '').replace(/[\s-]+/g, '') : normalizeOtpCode(body.code ?? '');
    if (recovery ? !/^[0-9]{8}$/.test(code) : !isWellFormedOtpCode(code)) {
      throw new FakeProblem('invalid_request', { errors: [{ field: '/code', message: recovery ? 'must be 8 digits' : 'must be 6–8 digits' }] });
    }
    if (!pending) throw new FakeProblem('no_pending_enrollment');
    if (this.switches.expireOnVerify || hasExpired(pending.enrollment.expiresAt, this.now())) {
      account.pending = null;
      throw new FakeProblem('enrollment_expired');
    }
    const { enrollment } = pending;
    if (await this.isRightCode(code, enrollment)) {
      account.pending = null;
      const serial = this.nextSerial(enrollment.type);
      const type = tokenTypeOfMethod[enrollment.type];
      // A new set of recovery codes replaces the old one now that it is confirmed.
      if (type === 'tan') account.tokens = account.tokens.filter((token) => token.type !== 'tan');
      if (pending.replaces !== undefined) account.tokens = account.tokens.filter((token) => token.serial !== pending.replaces);
      const createdAt = new Date(this.now()).toISOString();
      account.tokens.push({ serial, type, description: pending.description, active: true, createdAt, lastUsedAt: null });
      return { status: 'enrolled', serial, description: pending.description };
    }
    const attemptsLeft = attemptsLeftAfterWrongCode(enrollment.attemptsLeft);
    if (attemptsLeft === 0) {
      account.pending = null;
      throw new FakeProblem('attempts_exhausted', { attemptsLeft });
    }
    pending.enrollment = { ...enrollment, attemptsLeft };
    throw new FakeProblem('invalid_code', { attemptsLeft, ...(enrollment.type === 'totp' ? this.diagnosisOf(enrollment) : {}) });
  }

  /** The diagnosis the BFF would give a wrong code in the chosen scenario. */
  private diagnosisOf(enrollment: TotpEnrollment): ProblemExtras {
    if (this.switches.wrongCodeReason === 'clock_drift') return { reason: 'clock_drift', clockOffsetSeconds: -420 };
    if (this.switches.wrongCodeReason === 'app_ignores_settings') {
      const differing = (['algorithm', 'digits', 'period'] as const).filter((setting) => enrollment[setting] !== defaultOtpParameters[setting]);
      return { reason: 'app_ignores_settings', ignoredSettings: differing.length > 0 ? [...differing] : ['algorithm'], fallbackAvailable: true };
    }
    return {};
  }

  /**
   * `POST /enrollment/resend`: a new email code after the cooldown (429 `resend_too_soon` before); a failed mail
   * ends the enrollment (502 `email_send_failed`). Other methods send nothing (409 `resend_not_supported`).
   */
  resendEnrollment(): Enrollment {
    const account = this.accountOf(this.requireUser());
    const enrollment = this.getEnrollment();
    if (enrollment.type !== 'email') throw new FakeProblem('resend_not_supported');
    const waitMs = Date.parse(enrollment.resendAvailableAt) - this.now();
    if (waitMs > 0) throw new FakeProblem('resend_too_soon', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
    if (this.switches.emailSendFails) {
      account.pending = null;
      throw new FakeProblem('email_send_failed');
    }
    const resent = { ...enrollment, resendAvailableAt: new Date(this.now() + MOCK_RESEND_COOLDOWN_SECONDS * 1000).toISOString() };
    if (account.pending) account.pending.enrollment = resent;
    return resent;
  }

  /** Idempotent, like the real DELETE: nothing pending is not an error. */
  cancelEnrollment(): void {
    this.accountOf(this.requireUser()).pending = null;
  }

  private signedInNow(steppedUp = false): void {
    this.freshUntil = this.switches.stepUpFresh || steppedUp ? this.now() + MOCK_STEP_UP_SECONDS * 1000 : null;
  }

  private stepUpSerials(account: Account): string[] {
    return account.tokens.filter((token) => token.active && codeTypes.has(token.type)).map((token) => token.serial);
  }

  private stepUpState(account: Account): StepUpState {
    const fresh = this.freshUntil !== null && this.freshUntil > this.now();
    return { freshUntil: fresh ? new Date(this.freshUntil!).toISOString() : null, methods: this.stepUpSerials(account) };
  }

  private requireFreshStepUp(account: Account): void {
    if (this.stepUpState(account).freshUntil === null) {
      throw new FakeProblem('step_up_required', { status: 403, stepUpMethods: this.stepUpSerials(account) });
    }
  }

  /** One of the user's methods that pi-enroll manages; anything else (unknown, another user's, read-only) is 404. */
  private manageableToken(account: Account, serial: string): FakeToken {
    const token = account.tokens.find((candidate) => candidate.serial === serial);
    if (!token || !managedTypes.has(token.type)) throw new FakeProblem('not_found');
    return token;
  }

  private requireUser(): User {
    if (!this.user) throw new FakeProblem('unauthenticated');
    return this.user;
  }

  /** A user privacyIDEA has not seen yet starts with the scenario's existing token, if it has one. */
  private accountOf(user: User): Account {
    const key = `${user.realm}\u0000${user.username}`;
    let account = this.accounts.get(key);
    if (!account) {
      const tokens: FakeToken[] = [];
      const created = '2025-03-14T09:26:53.000Z';
      if (this.switches.hasExistingToken) {
        tokens.push({ serial: this.nextSerial(), type: 'totp', description: 'Old phone', active: true, createdAt: created, lastUsedAt: '2025-06-02T07:45:00.000Z' });
      }
      if (this.switches.secondToken) {
        tokens.push({ serial: this.nextSerial(), type: 'totp', description: 'Tablet', active: true, createdAt: '2025-04-01T12:00:00.000Z', lastUsedAt: null });
      }
      if (this.switches.readOnlyToken) {
        tokens.push({ serial: 'WAN00000001', type: 'webauthn', description: 'Security key', active: true, createdAt: created, lastUsedAt: null });
      }
      account = { tokens, pending: null };
      this.accounts.set(key, account);
    }
    return account;
  }

  /** The account with an expired enrollment swept away, as the BFF's sweeper would have done. */
  private liveAccount(user: User): Account {
    const account = this.accountOf(user);
    if (account.pending && hasExpired(account.pending.enrollment.expiresAt, this.now())) account.pending = null;
    return account;
  }

  private async isRightCode(code: string, enrollment: Enrollment): Promise<boolean> {
    if (!this.switches.acceptCorrectCode) return false;
    if (enrollment.type === 'email') return code === MOCK_EMAIL_CODE;
    if (enrollment.type === 'recovery') return code === enrollment.codes[enrollment.confirmCodeNumber - 1];
    if (enrollment.type !== 'totp') return false;
    if (code === mockCorrectCode(enrollment.digits)) return true;
    return isCurrentTotp(code, enrollment.secret, enrollment, this.now());
  }

  private nextSerial(method: MethodType = 'totp'): string {
    this.serialCounter += 1;
    const prefix = { totp: 'TOTP', email: 'PIEM', recovery: 'PITN', passkey: 'PIPK' }[method];
    return `${prefix}${String(this.serialCounter).padStart(8, '0')}`;
  }

  /** As the BFF answers an email enrollment: the user store's address (here `<user>@example.org`), masked. */
  private newEmailEnrollment(user: User, description: string): PendingEnrollment {
    return {
      description,
      enrollment: {
        type: 'email',
        status: 'pending',
        address: maskEmailAddress(`${user.username}@example.org`),
        resendAvailableAt: new Date(this.now() + MOCK_RESEND_COOLDOWN_SECONDS * 1000).toISOString(),
        expiresAt: new Date(this.now() + this.config.enrollmentTtlSeconds * 1000).toISOString(),
        attemptsLeft: this.config.maxAttempts,
      },
    };
  }

  /** Ten 8-digit codes and which one to type back, as the BFF makes them. */
  private newRecoveryEnrollment(description: string): PendingEnrollment {
    const codes = new Set<string>();
    while (codes.size < 10) codes.add(String(crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000_000).padStart(8, '0'));
    return {
      description,
      enrollment: {
        type: 'recovery',
        status: 'pending',
        codes: [...codes],
        confirmCodeNumber: 1 + (crypto.getRandomValues(new Uint8Array(1))[0]! % 10),
        expiresAt: new Date(this.now() + this.config.enrollmentTtlSeconds * 1000).toISOString(),
        attemptsLeft: this.config.maxAttempts,
      },
    };
  }

  private newEnrollment(user: User, description: string, parameters: Pick<TotpEnrollment, 'algorithm' | 'digits' | 'period'> = this.config.otp): PendingEnrollment {
    const { issuer } = this.config.otp;
    const { algorithm, digits, period } = parameters;
    // privacyIDEA's key sizes: 20 bytes for SHA1, the hash's output size otherwise.
    const secret = encodeBase32(crypto.getRandomValues(new Uint8Array(algorithm === 'SHA1' ? 20 : algorithm === 'SHA256' ? 32 : 64)));
    // As the BFF names the account in the app: the plain username (the realm is the operator's business).
    const accountName = user.username;
    return {
      description,
      enrollment: totpEnrollmentView(
        { secret, issuer, accountName, algorithm, digits, period },
        this.now() + this.config.enrollmentTtlSeconds * 1000,
        this.config.maxAttempts,
      ),
    };
  }
}

function summaryOf({ serial, type, description, active }: FakeToken): TokenSummary {
  return { serial, type, description, active };
}

function methodOf(token: FakeToken): SignInMethod {
  const manageable = managedTypes.has(token.type);
  return {
    serial: token.serial,
    tokenType: token.type,
    method: methodOfTokenType[token.type] ?? null,
    description: token.description,
    active: token.active,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    manageable,
  };
}
